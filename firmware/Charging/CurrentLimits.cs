namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// The current limits of every <see cref="CurrentLimitSource"/>, and the effective limit: the smallest.
    /// A source that has not set a limit does not restrict (except <see cref="CurrentLimitSource.Hardware"/>,
    /// which is always set). Values are milliamperes per phase.
    /// </summary>
    public sealed class CurrentLimits
    {
        /// <summary>Limit of a source that does not restrict.</summary>
        public const int Unlimited = int.MaxValue;

        private const int SourceCount = 7;

        private readonly int[] _limitsMa = new int[SourceCount];

        /// <summary>Creates limits where only the hardware rating restricts.</summary>
        public CurrentLimits(int hardwareRatingMa)
        {
            for (int i = 0; i < SourceCount; i++)
            {
                _limitsMa[i] = Unlimited;
            }

            Set(CurrentLimitSource.Hardware, hardwareRatingMa);
        }

        /// <summary>Sets the limit of one source (<see cref="Unlimited"/> lifts it). Negative values count as 0.</summary>
        public void Set(CurrentLimitSource source, int limitMa)
        {
            _limitsMa[(int)source] = limitMa < 0 ? 0 : limitMa;
        }

        /// <summary>The limit of one source.</summary>
        public int Get(CurrentLimitSource source)
        {
            return _limitsMa[(int)source];
        }

        /// <summary>The smallest limit, milliamperes.</summary>
        public int EffectiveMa
        {
            get
            {
                int min = Unlimited;
                for (int i = 0; i < SourceCount; i++)
                {
                    if (_limitsMa[i] < min)
                    {
                        min = _limitsMa[i];
                    }
                }

                return min;
            }
        }

        /// <summary>The source of the smallest limit (the first one when several tie).</summary>
        public CurrentLimitSource LimitingSource
        {
            get
            {
                int min = Unlimited;
                int which = 0;
                for (int i = 0; i < SourceCount; i++)
                {
                    if (_limitsMa[i] < min)
                    {
                        min = _limitsMa[i];
                        which = i;
                    }
                }

                return (CurrentLimitSource)which;
            }
        }
    }
}
