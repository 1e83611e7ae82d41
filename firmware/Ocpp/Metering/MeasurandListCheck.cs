using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Metering
{
    /// <summary>
    /// The rule of the measurand list keys (OCPP 1.6 §9.1: MeterValuesSampledData, MeterValuesAlignedData,
    /// StopTxnSampledData, StopTxnAlignedData): every entry a supported measurand (FXP-48: otherwise Rejected, nothing
    /// changes), and StopTxnSampledData must hold Energy.Active.Import.Register (FXP-48, FXP-K20: the energy register
    /// is always in StopTransaction). Each check parses into a new small <see cref="MeasurandSelection"/>: config
    /// writes are rare, and no state is shared between callers.
    /// </summary>
    public sealed class MeasurandListCheck : IConfigValueCheck
    {
        /// <summary>MeterValuesSampledData (FXP-K13): any supported list.</summary>
        public static readonly MeasurandListCheck Sampled = new MeasurandListCheck(false);

        /// <summary>MeterValuesAlignedData (FXP-K11): any supported list.</summary>
        public static readonly MeasurandListCheck Aligned = new MeasurandListCheck(false);

        /// <summary>StopTxnAlignedData (FXP-K19): any supported list, empty by default.</summary>
        public static readonly MeasurandListCheck StopTxnAligned = new MeasurandListCheck(false);

        /// <summary>StopTxnSampledData (FXP-K20, FXP-48): a supported list holding Energy.Active.Import.Register.</summary>
        public static readonly MeasurandListCheck StopTxnSampled = new MeasurandListCheck(true);

        private readonly bool _energyRegisterRequired;

        private MeasurandListCheck(bool energyRegisterRequired)
        {
            _energyRegisterRequired = energyRegisterRequired;
        }

        /// <inheritdoc />
        public string Check(string value)
        {
            MeasurandSelection selection = new MeasurandSelection();
            if (!selection.Parse(value))
            {
                return selection.Reason;
            }

            if (_energyRegisterRequired && !selection.Contains(Measurand.EnergyActiveImportRegister))
            {
                return "StopTxnSampledData must contain Energy.Active.Import.Register";
            }

            return null;
        }
    }
}
