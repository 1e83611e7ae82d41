using System;
using System.Collections;
using System.Text;

namespace NonPortableFixture
{
    /// <summary>A [Flags] enum, as portable code uses them.</summary>
    [Flags]
    public enum ChargerFlags
    {
        None = 0,
        Locked = 1,
        Faulted = 2,
    }

    /// <summary>
    /// Only what nanoFramework 1.x has: ArrayList, StringBuilder (System.Text), string.Concat, Math.Max(int, int),
    /// exceptions, a [Flags] enum, auto-properties, a switch on string, a static readonly byte[] initializer,
    /// an Action&lt;int&gt; delegate and a field-like event. The gate must report nothing here.
    /// </summary>
    public sealed class PortableCode
    {
        private static readonly byte[] Preamble = { 0x55, 0xAA, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 };

        private readonly ArrayList _log = new ArrayList();

        public PortableCode()
        {
            LimitChanged = value => _log.Add(value);
        }

        public int Limit { get; set; }

        public ChargerFlags Flags { get; set; }

        public Action<int> LimitChanged { get; set; }

        /// <summary>A field-like event: its accessors fall back to Delegate.Combine/Remove on nanoFramework.</summary>
        public event EventHandler Changed;

        public static int PreambleLength
        {
            get { return Preamble.Length; }
        }

        public void SetLimit(int value)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException("value");
            }

            Limit = Math.Max(value, 6);
            Action<int> handler = LimitChanged;
            if (handler != null)
            {
                handler(Limit);
            }

            EventHandler changed = Changed;
            if (changed != null)
            {
                changed(this, EventArgs.Empty);
            }
        }

        public bool IsLocked()
        {
            return (Flags & ChargerFlags.Locked) != 0;
        }

        public string Describe(string state)
        {
            switch (state)
            {
                case "A":
                    return "idle";
                case "B":
                    return "connected";
                case "C":
                    return "charging";
                case "D":
                    return "ventilation";
                case "E":
                    return "no power";
                case "F":
                    return "fault";
                case "X":
                    return "unknown";
                default:
                    return string.Concat("state ", state);
            }
        }

        public string Render()
        {
            var text = new StringBuilder();
            text.Append("limit=").Append(Limit).AppendLine();
            foreach (object entry in _log)
            {
                text.Append(entry.ToString());
            }

            return text.ToString();
        }

        public string Guarded()
        {
            try
            {
                SetLimit(-1);
                return "accepted";
            }
            catch (ArgumentOutOfRangeException e)
            {
                return e.Message;
            }
            finally
            {
                _log.Add("checked");
            }
        }
    }
}
