using System.Globalization;
using System.Text;

namespace Wallbox.Benchmarks;

/// <summary>
/// Real OCPP-J 1.6 frames (OCPP-J 1.6 §4.2.1 CALL: <c>[2, "&lt;UniqueId&gt;", "&lt;Action&gt;", {&lt;payload&gt;}]</c>) with
/// the payloads a charge point sends and receives, for codec benchmarks. Compact, as they travel on the WebSocket.
/// </summary>
public static class OcppFrames
{
    /// <summary>BootNotification CALL (charge point → central system) with every optional field of 1.6 §6.2 filled.</summary>
    public const string BootNotification =
        "[2,\"1700000001\",\"BootNotification\",{\"chargePointVendor\":\"OpenWallbox\",\"chargePointModel\":\"OW-22-ESP32\","
        + "\"chargePointSerialNumber\":\"OW22-000123\",\"chargeBoxSerialNumber\":\"OW22-000123\",\"firmwareVersion\":\"0.4.0+55ed013\","
        + "\"iccid\":\"89490200001234567890\",\"imsi\":\"262011234567890\",\"meterType\":\"Eastron SDM630-MCT\","
        + "\"meterSerialNumber\":\"21000123\"}]";

    /// <summary>
    /// MeterValues CALL (1.6 §6.31) of a three-phase session: one periodic sample with Voltage, Current.Import and
    /// Power.Active.Import per phase L1/L2/L3 and Energy.Active.Import.Register — 10 sampled values, values as
    /// strings (SampledValue.value is a string in 1.6).
    /// </summary>
    public static readonly string MeterValues = BuildMeterValues();

    /// <summary>SendLocalList CALL (central system → charge point, 1.6 §6.46): a full list of 50 entries.</summary>
    public static readonly string SendLocalList = BuildSendLocalList(50);

    /// <summary>The frame as UTF-8 bytes, as received from the WebSocket.</summary>
    public static byte[] Utf8(string frame) => Encoding.UTF8.GetBytes(frame);

    private static string BuildMeterValues()
    {
        var json = new StringBuilder();
        json.Append("[2,\"1700000042\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":1034,\"meterValue\":[{")
            .Append("\"timestamp\":\"2026-11-22T04:05:06.123Z\",\"sampledValue\":[");
        string[] phases = { "L1", "L2", "L3" };
        string[] voltages = { "229.8", "231.2", "230.5" };
        string[] currents = { "15.98", "16.02", "15.95" };
        string[] powers = { "3672.2", "3703.8", "3676.5" };
        bool first = true;
        for (int i = 0; i < 3; i++)
        {
            AppendSample(json, ref first, voltages[i], "Voltage", phases[i] + "-N", "V");
        }

        for (int i = 0; i < 3; i++)
        {
            AppendSample(json, ref first, currents[i], "Current.Import", phases[i], "A");
        }

        for (int i = 0; i < 3; i++)
        {
            AppendSample(json, ref first, powers[i], "Power.Active.Import", phases[i], "W");
        }

        AppendSample(json, ref first, "18734.6", "Energy.Active.Import.Register", null, "Wh");
        json.Append("]}]}]");
        return json.ToString();
    }

    private static void AppendSample(StringBuilder json, ref bool first, string value, string measurand, string phase, string unit)
    {
        if (!first)
        {
            json.Append(',');
        }

        first = false;
        json.Append("{\"value\":\"").Append(value)
            .Append("\",\"context\":\"Sample.Periodic\",\"format\":\"Raw\",\"measurand\":\"").Append(measurand).Append('"');
        if (phase != null)
        {
            json.Append(",\"phase\":\"").Append(phase).Append('"');
        }

        json.Append(",\"location\":\"Outlet\",\"unit\":\"").Append(unit).Append("\"}");
    }

    private static string BuildSendLocalList(int entries)
    {
        var json = new StringBuilder();
        json.Append("[2,\"c3f1b2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b\",\"SendLocalList\",{\"listVersion\":42,\"updateType\":\"Full\",")
            .Append("\"localAuthorizationList\":[");
        for (int i = 0; i < entries; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            // 7-byte ISO 14443 UIDs as 14 hex digits, some blocked, some expiring, most with a fleet parent tag.
            string uid = (0x04A1B2C3D4E500L + (i * 0x1F3L)).ToString("X14", CultureInfo.InvariantCulture);
            string status = i % 10 == 7 ? "Blocked" : "Accepted";
            json.Append("{\"idTag\":\"").Append(uid).Append("\",\"idTagInfo\":{\"status\":\"").Append(status).Append('"');
            if (i % 3 != 0)
            {
                json.Append(",\"expiryDate\":\"2027-").Append(((i % 12) + 1).ToString("00", CultureInfo.InvariantCulture))
                    .Append("-01T00:00:00.000Z\"");
            }

            if (i % 4 != 3)
            {
                json.Append(",\"parentIdTag\":\"FLEET-").Append((i % 5).ToString("0000", CultureInfo.InvariantCulture)).Append('"');
            }

            json.Append("}}");
        }

        json.Append("]}]");
        return json.ToString();
    }
}
