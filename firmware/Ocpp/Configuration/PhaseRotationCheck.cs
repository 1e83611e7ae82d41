using Wallbox.Firmware.Config;

namespace Wallbox.Firmware.Ocpp.Configuration
{
    /// <summary>
    /// The rule of ConnectorPhaseRotation (OCPP 1.6 §9.1.7, FXP-K06, CPH-77): a comma-separated list of
    /// <c>connector.rotation</c> entries, e.g. "0.RST,1.RTS". Connector 0 is the grid connection to the main meter, 1..N the
    /// connectors; rotation is NotApplicable, Unknown or one of the six orders of R (L1), S (L2), T (L3). Each connector
    /// appears at most once; spaces around an entry are allowed, as in the spec's own example "0.RST, 1.RST, 2.RTS".
    /// </summary>
    public sealed class PhaseRotationCheck : IConfigValueCheck
    {
        /// <summary>Connectors the check can track (its duplicate test is one bit per connector).</summary>
        public const int MaxConnectors = 30;

        private static readonly string[] Rotations = new string[] { "NotApplicable", "Unknown", "RST", "RTS", "SRT", "STR", "TRS", "TSR" };

        private readonly int _connectors;

        /// <summary>A check for a charge point with <paramref name="numberOfConnectors"/> connectors (NumberOfConnectors).</summary>
        public PhaseRotationCheck(int numberOfConnectors)
        {
            if (numberOfConnectors < 1 || numberOfConnectors > MaxConnectors)
            {
                throw new System.ArgumentOutOfRangeException("numberOfConnectors");
            }

            _connectors = numberOfConnectors;
        }

        /// <inheritdoc />
        public string Check(string value)
        {
            if (value.Length == 0)
            {
                return "empty; expected entries like 1.RST separated by commas (0 = grid connection)";
            }

            int seen = 0;
            int start = 0;
            while (true)
            {
                int comma = value.IndexOf(',', start);
                int end = comma < 0 ? value.Length : comma;
                string entry = Trimmed(value, start, end);
                if (entry.Length == 0)
                {
                    return "an empty entry; expected entries like 1.RST separated by commas";
                }

                int dot = entry.IndexOf('.');
                int connector = dot <= 0 ? -1 : Connector(entry, dot);
                if (connector < 0)
                {
                    return "'" + entry + "' is not <connector>.<rotation> with connector 0.." + _connectors.ToString();
                }

                if ((seen & (1 << connector)) != 0)
                {
                    return "connector " + connector.ToString() + " is listed twice";
                }

                seen |= 1 << connector;
                string rotation = entry.Substring(dot + 1);
                if (!IsRotation(rotation))
                {
                    return "'" + rotation + "' is not a phase rotation; allowed: NotApplicable, Unknown, RST, RTS, SRT, STR, TRS, TSR";
                }

                if (comma < 0)
                {
                    return null;
                }

                start = comma + 1;
            }
        }

        /// <summary>The connector number before <paramref name="dot"/>, or -1 when it is not a decimal 0..N.</summary>
        private int Connector(string entry, int dot)
        {
            if (dot > 2)
            {
                return -1;
            }

            int number = 0;
            for (int i = 0; i < dot; i++)
            {
                char c = entry[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                number = (number * 10) + (c - '0');
            }

            return number <= _connectors ? number : -1;
        }

        private static bool IsRotation(string text)
        {
            for (int i = 0; i < Rotations.Length; i++)
            {
                if (Rotations[i] == text)
                {
                    return true;
                }
            }

            return false;
        }

        private static string Trimmed(string value, int start, int end)
        {
            while (start < end && value[start] == ' ')
            {
                start++;
            }

            while (end > start && value[end - 1] == ' ')
            {
                end--;
            }

            return value.Substring(start, end - start);
        }
    }
}
