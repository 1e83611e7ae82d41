using Wallbox.Drivers.Meters;
using Wallbox.Firmware.Config;
using Wallbox.Hal;

namespace Wallbox.Firmware.Metering
{
    /// <summary>
    /// Configuration of the MID meter on the RS-485 bus (CPH-90, CPL-140/141; docs/meters.md): the model, its slave
    /// address and the line settings. A change re-opens the bus with the new settings at once (no reboot).
    /// </summary>
    public static class MeterConfigKeys
    {
        /// <summary>Meter model (a register map of drivers/Meters), or "None".</summary>
        public const string MeterType = "MeterType";

        /// <summary>Modbus slave address of the meter, 1..247.</summary>
        public const string MeterSlaveAddress = "MeterSlaveAddress";

        /// <summary>Line speed, baud.</summary>
        public const string MeterBaudRate = "MeterBaudRate";

        /// <summary>Parity: None, Even or Odd.</summary>
        public const string MeterParity = "MeterParity";

        /// <summary>Stop bits: 1 or 2.</summary>
        public const string MeterStopBits = "MeterStopBits";

        /// <summary>The value of <see cref="MeterType"/> when no meter is fitted.</summary>
        public const string NoMeter = "None";

        private static readonly string[] BaudRates = new string[] { "1200", "2400", "4800", "9600", "19200", "38400", "57600", "115200" };
        private static readonly string[] Parities = new string[] { "None", "Even", "Odd" };

        /// <summary>Declares the keys; <paramref name="defaultModel"/> is the board's fitted meter ("None" when it has none).</summary>
        public static void Declare(ConfigurationStore store, string defaultModel)
        {
            MeterRegisterMap[] maps = MeterModels.All;
            string[] models = new string[maps.Length + 1];
            models[0] = NoMeter;
            for (int i = 0; i < maps.Length; i++)
            {
                models[i + 1] = maps[i].Name;
            }

            store.Declare(ConfigKey.Text(MeterType, defaultModel, 16).OneOf(models));
            store.Declare(ConfigKey.Integer(MeterSlaveAddress, 1, 1, 247));
            store.Declare(ConfigKey.Integer(MeterBaudRate, 9600, 1200, 115200).OneOf(BaudRates));
            store.Declare(ConfigKey.Text(MeterParity, "None", 4).OneOf(Parities));
            store.Declare(ConfigKey.Integer(MeterStopBits, 1, 1, 2));
        }

        /// <summary>A text that changes whenever one of the meter keys does (to re-open the bus only then).</summary>
        public static string Signature(ConfigurationStore store)
        {
            return store.Get(MeterType) + "/" + store.Get(MeterSlaveAddress) + "/" + store.Get(MeterBaudRate) + "/" + store.Get(MeterParity) + "/" + store.Get(MeterStopBits);
        }

        /// <summary>The configured model, or null for "None".</summary>
        public static MeterRegisterMap Model(ConfigurationStore store)
        {
            return MeterModels.Find(store.Get(MeterType));
        }

        /// <summary>The configured line settings (8 data bits, as every supported meter uses).</summary>
        public static SerialSettings LineSettings(ConfigurationStore store)
        {
            string parity = store.Get(MeterParity);
            return new SerialSettings(
                store.GetInt(MeterBaudRate),
                8,
                parity == "Even" ? SerialParity.Even : parity == "Odd" ? SerialParity.Odd : SerialParity.None,
                store.GetInt(MeterStopBits) == 2 ? SerialStopBits.Two : SerialStopBits.One);
        }
    }
}
