namespace Wallbox.Firmware.Charging.Indication
{
    /// <summary>
    /// The one mapping from the charge point's state to its status light, after the LED table of CPH-05..16.
    /// Rows are checked top to bottom; the first that applies wins, so faults and the self-test hide everything
    /// else and "offline" only shows on an otherwise idle wallbox.
    /// </summary>
    /// <remarks>
    /// CPH-18 notes that the source uses both yellow and white blinking for software installation: here white
    /// blinking is the self-test only (CPH-14) and yellow blinking is software installation and "not commissioned"
    /// (CPH-13); a rejected card blinks yellow fast for 3 s (CPH-17).
    /// </remarks>
    public static class StatusIndicationTable
    {
        /// <summary>The indication for the given state.</summary>
        public static Indication Resolve(ChargingState state, SessionPhase session, IndicationFlags flags, long nowMs)
        {
            if (flags.FirmwareUpdating)
            {
                return Show(IndicatorColor.Yellow, IndicatorPattern.Blinking); // CPH-13
            }

            switch (state)
            {
                case ChargingState.SelfTest:
                    return Show(IndicatorColor.White, IndicatorPattern.Blinking); // CPH-14
                case ChargingState.Faulted:
                case ChargingState.Unavailable:
                    return Show(IndicatorColor.Red, IndicatorPattern.Steady); // CPH-12 (and CPH-82 welded contact)
            }

            if (nowMs < flags.CardRejectedUntilMs)
            {
                return Show(IndicatorColor.Yellow, IndicatorPattern.FastBlinking); // CPH-13, CPH-17
            }

            if (flags.NotCommissioned)
            {
                return Show(IndicatorColor.Yellow, IndicatorPattern.Blinking); // CPH-13, CPH-24
            }

            switch (state)
            {
                case ChargingState.Charging:
                    return Show(IndicatorColor.Blue, IndicatorPattern.Blinking); // CPH-06
                case ChargingState.SuspendedEvse:
                    return Show(IndicatorColor.LightBlue, IndicatorPattern.Steady); // CPH-05
                case ChargingState.SuspendedEv:
                case ChargingState.Finishing:
                    return Show(IndicatorColor.Blue, IndicatorPattern.Steady); // CPH-07
            }

            if (flags.CardAuthorizing)
            {
                return Show(IndicatorColor.Green, IndicatorPattern.Blinking); // CPH-08
            }

            if (state == ChargingState.Preparing)
            {
                if (session == SessionPhase.Pending)
                {
                    return Show(IndicatorColor.Orange, IndicatorPattern.Blinking); // CPH-11: authorised, plug in now
                }

                if (session == SessionPhase.Active)
                {
                    return Show(IndicatorColor.Green, IndicatorPattern.Blinking); // CPH-08: getting ready
                }

                return Show(IndicatorColor.Purple, IndicatorPattern.Steady); // CPH-16: plugged, not authenticated
            }

            if (flags.Reserved)
            {
                return Show(IndicatorColor.Orange, IndicatorPattern.Steady); // CPH-10
            }

            if (flags.Offline)
            {
                return Show(IndicatorColor.White, IndicatorPattern.Steady); // CPH-15
            }

            return Show(IndicatorColor.Green, IndicatorPattern.Steady); // CPH-09
        }

        private static Indication Show(IndicatorColor color, IndicatorPattern pattern)
        {
            return new Indication(color, pattern);
        }
    }
}
