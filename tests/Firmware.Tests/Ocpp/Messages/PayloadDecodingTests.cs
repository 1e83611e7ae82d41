using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wallbox.Firmware.Ocpp.Json;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Tests.Ocpp.Messages;

/// <summary>
/// Decoding refuses what the schema refuses, with the CALLERROR code of OCPP-J 1.6 §4.2.3 for the kind of problem and
/// a description naming the JSON path (docs/ocpp-conformance.md, "Decoding errors"); and accepts what it allows.
/// </summary>
public sealed class PayloadDecodingTests
{
    private const string Time = "2023-11-14T22:13:20.123Z";
    private const string Period = "{\"startPeriod\":0,\"limit\":16.0}";

    /// <summary>
    /// (case, schema, payload, expected code — None: accepted —, expected description, whether ocpp-rpc's validator
    /// agrees; where it does not, it accepts what we refuse: see <see cref="Where_the_strict_central_system_differs_it_accepts_what_we_refuse"/>).
    /// </summary>
    public static readonly (string Case, string Schema, string Json, OcppErrorCode Code, string Description, bool PeerAgrees)[] Cases =
    {
        ("an array is not a payload object", "Heartbeat.req", "[]",
            OcppErrorCode.FormationViolation, "payload: not a JSON object", true),
        ("a string is not a payload object", "Heartbeat.req", "\"Heartbeat\"",
            OcppErrorCode.FormationViolation, "payload: not a JSON object", true),
        ("a property the schema does not declare", "Heartbeat.req", "{\"now\":1}",
            OcppErrorCode.FormationViolation, "now: unknown property", true),
        ("an undeclared property in a nested object", "Authorize.conf", "{\"idTagInfo\":{\"status\":\"Accepted\",\"groupId\":\"G\"}}",
            OcppErrorCode.FormationViolation, "idTagInfo.groupId: unknown property", true),
        ("a property given twice", "Authorize.req", "{\"idTag\":\"A\",\"idTag\":\"B\"}",
            OcppErrorCode.FormationViolation, "idTag: duplicate property", false),
        ("a required property missing", "Authorize.req", "{}",
            OcppErrorCode.OccurenceConstraintViolation, "idTag: required property missing", true),
        ("a required property of a nested object missing", "Authorize.conf", "{\"idTagInfo\":{\"parentIdTag\":\"P\"}}",
            OcppErrorCode.OccurenceConstraintViolation, "idTagInfo.status: required property missing", true),
        ("a required property of an array item missing", "MeterValues.req", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"" + Time + "\",\"sampledValue\":[{\"value\":\"1\"},{\"unit\":\"Wh\"}]}]}",
            OcppErrorCode.OccurenceConstraintViolation, "meterValue[0].sampledValue[1].value: required property missing", true),
        ("a number where a string is expected", "Authorize.req", "{\"idTag\":12}",
            OcppErrorCode.TypeConstraintViolation, "idTag: expected string, found number", true),
        ("null for a required string", "Authorize.req", "{\"idTag\":null}",
            OcppErrorCode.TypeConstraintViolation, "idTag: expected string, found null", true),
        ("a string where an integer is expected", "StatusNotification.req", "{\"connectorId\":\"1\",\"errorCode\":\"NoError\",\"status\":\"Available\"}",
            OcppErrorCode.TypeConstraintViolation, "connectorId: expected integer, found string", true),
        ("a fraction where an integer is expected", "StatusNotification.req", "{\"connectorId\":1.5,\"errorCode\":\"NoError\",\"status\":\"Available\"}",
            OcppErrorCode.TypeConstraintViolation, "connectorId: expected integer, found a fraction", true),
        ("a string where a boolean is expected", "GetConfiguration.conf", "{\"configurationKey\":[{\"key\":\"K\",\"readonly\":\"true\"}]}",
            OcppErrorCode.TypeConstraintViolation, "configurationKey[0].readonly: expected boolean, found string", true),
        ("an object where an array is expected", "MeterValues.req", "{\"connectorId\":1,\"meterValue\":{}}",
            OcppErrorCode.TypeConstraintViolation, "meterValue: expected array, found object", true),
        ("an array where an object is expected", "Authorize.conf", "{\"idTagInfo\":[]}",
            OcppErrorCode.TypeConstraintViolation, "idTagInfo: expected object, found array", true),
        ("a number as an array item where objects are expected", "MeterValues.req", "{\"connectorId\":1,\"meterValue\":[1]}",
            OcppErrorCode.TypeConstraintViolation, "meterValue[0]: expected object, found number", true),
        ("a number in an array of strings", "GetConfiguration.req", "{\"key\":[\"A\",5]}",
            OcppErrorCode.TypeConstraintViolation, "key[1]: expected string, found number", true),
        ("a number where a date-time is expected", "Heartbeat.conf", "{\"currentTime\":1700000000}",
            OcppErrorCode.TypeConstraintViolation, "currentTime: expected date-time string, found number", true),
        ("a string where a number is expected", "SetChargingProfile.req", ChargingProfile("\"16.1\""),
            OcppErrorCode.TypeConstraintViolation, "csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit: expected number, found string", true),
        ("an enum value the schema does not list", "Authorize.conf", "{\"idTagInfo\":{\"status\":\"Unknown\"}}",
            OcppErrorCode.PropertyConstraintViolation, "idTagInfo.status: not one of Accepted, Blocked, Expired, Invalid, ConcurrentTx", true),
        ("an enum value in another case", "Reset.req", "{\"type\":\"hard\"}",
            OcppErrorCode.PropertyConstraintViolation, "type: not one of Hard, Soft", true),
        ("an enum value deep in arrays", "MeterValues.req", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"" + Time + "\",\"sampledValue\":[{\"value\":\"1\"},{\"value\":\"2\",\"measurand\":\"Energy\"}]}]}",
            OcppErrorCode.PropertyConstraintViolation, "meterValue[0].sampledValue[1].measurand: not one of " + MeasurandNames.AllowedValues, true),
        ("a string one character longer than maxLength", "Authorize.req", "{\"idTag\":\"" + new string('x', 21) + "\"}",
            OcppErrorCode.PropertyConstraintViolation, "idTag: longer than 20 characters", true),
        ("a string of maxLength code points, more UTF-16 units", "Authorize.req", "{\"idTag\":\"😀😀" + new string('x', 18) + "\"}",
            OcppErrorCode.None, null, true),
        ("a string of maxLength + 1 code points with surrogate pairs", "Authorize.req", "{\"idTag\":\"😀😀" + new string('x', 19) + "\"}",
            OcppErrorCode.PropertyConstraintViolation, "idTag: longer than 20 characters", true),
        ("a date-time without time zone", "StartTransaction.req", "{\"connectorId\":1,\"idTag\":\"A\",\"meterStart\":0,\"timestamp\":\"2023-11-14T22:13:20\"}",
            OcppErrorCode.PropertyConstraintViolation, "timestamp: not an ISO 8601 date-time with time zone in 1970..9999", false),
        ("a date that is not a calendar date", "Heartbeat.conf", "{\"currentTime\":\"2023-02-30T00:00:00Z\"}",
            OcppErrorCode.PropertyConstraintViolation, "currentTime: not an ISO 8601 date-time with time zone in 1970..9999", true),
        ("a date-time with an offset", "Heartbeat.conf", "{\"currentTime\":\"2023-11-14T23:13:20.123+01:00\"}",
            OcppErrorCode.None, null, true),
        ("a limit that is not a multiple of 0.1", "SetChargingProfile.req", ChargingProfile("16.05"),
            OcppErrorCode.PropertyConstraintViolation, "csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit: not a multiple of 0.1", true),
        ("a limit that is a multiple of 0.1 only within floating-point error", "SetChargingProfile.req", ChargingProfile("0.3"),
            OcppErrorCode.None, null, true),
        ("an empty array where minItems is 1", "GetInstalledCertificateIds.conf", "{\"status\":\"Accepted\",\"certificateHashData\":[]}",
            OcppErrorCode.OccurenceConstraintViolation, "certificateHashData: fewer than 1 item", true),
        ("an integer beyond 32 bits", "RemoteStopTransaction.req", "{\"transactionId\":4294967296}",
            OcppErrorCode.PropertyConstraintViolation, "transactionId: integer outside the 32-bit range", false),
        ("an integer with a zero fraction", "RemoteStopTransaction.req", "{\"transactionId\":7.0}",
            OcppErrorCode.None, null, true),
        ("an integer with an exponent", "RemoteStopTransaction.req", "{\"transactionId\":7e2}",
            OcppErrorCode.None, null, true),
        ("a URI field holding no URI", "GetDiagnostics.req", "{\"location\":\"diagnostics upload\"}",
            OcppErrorCode.PropertyConstraintViolation, "location: not a URI (RFC 3986)", true),
        ("a URI field with a bad percent-encoding", "UpdateFirmware.req", "{\"location\":\"https://example.org/fw%G1.bin\",\"retrieveDate\":\"" + Time + "\"}",
            OcppErrorCode.PropertyConstraintViolation, "location: not a URI (RFC 3986)", true),
        ("a URI", "UpdateFirmware.req", "{\"location\":\"ftp://user@example.org:21/fw/1.2.bin?x=1#y\",\"retrieveDate\":\"" + Time + "\"}",
            OcppErrorCode.None, null, true),
        ("a security message with a definition ($ref) and an unknown value", "GetLog.req", "{\"logType\":\"AuditLog\",\"requestId\":1,\"log\":{\"remoteLocation\":\"ftp://example.org\"}}",
            OcppErrorCode.PropertyConstraintViolation, "logType: not one of DiagnosticsLog, SecurityLog", true),
        ("a security message missing a property of its nested definition", "GetLog.req", "{\"logType\":\"SecurityLog\",\"requestId\":1,\"log\":{}}",
            OcppErrorCode.OccurenceConstraintViolation, "log.remoteLocation: required property missing", true),
        ("the first problem wins", "BootNotification.req", "{\"chargePointVendor\":5,\"extra\":true}",
            OcppErrorCode.TypeConstraintViolation, "chargePointVendor: expected string, found number", true),
    };

    public static TheoryData<string> CaseNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in Cases)
            {
                data.Add(c.Case);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_payload_is_refused_with_the_code_of_its_first_problem_and_a_description_naming_the_path_or_accepted(string name)
    {
        var c = Cases.Single(x => x.Case == name);

        OcppDecodeError error = PayloadCodec.Decode(c.Schema, c.Json, out IOcppPayload payload);

        Assert.Equal(c.Code, error.Code);
        Assert.Equal(c.Description, error.Description);
        if (c.Code == OcppErrorCode.None)
        {
            Assert.True(payload.Validate(error), error.Description);
        }
    }

    [SkippableFact]
    public void The_strict_central_systems_validator_refuses_and_accepts_the_same_payloads()
    {
        var checkedCases = Cases.Where(c => c.PeerAgrees).ToArray();

        IReadOnlyList<OcppRpcValidator.Result> results = OcppRpcValidator.Validate(checkedCases.Select(c => (c.Schema, c.Json)).ToArray());

        string[] disagreements = checkedCases.Zip(results, (c, r) => (c.Code == OcppErrorCode.None) == r.Valid ? null : c.Case + ": ocpp-rpc says " + (r.Valid ? "valid" : r.Code + " " + r.Message))
            .Where(s => s != null)
            .ToArray();
        Assert.True(disagreements.Length == 0, string.Join("\n", disagreements));
    }

    [SkippableFact]
    public void Where_the_strict_central_system_differs_it_accepts_what_we_refuse()
    {
        // Repeated names: JSON.parse keeps the last. Integers beyond 32 bits: JSON Schema integers are unbounded.
        // A date-time without zone: ajv-formats 2.1.1 compares the missing zone with "" (it is undefined), so its
        // "date-time" accepts local times although RFC 3339 §5.6 requires the offset.
        var cases = Cases.Where(c => !c.PeerAgrees).ToArray();

        IReadOnlyList<OcppRpcValidator.Result> results = OcppRpcValidator.Validate(cases.Select(c => (c.Schema, c.Json)).ToArray());

        Assert.All(results, r => Assert.True(r.Valid));
        Assert.All(cases, c => Assert.NotEqual(OcppErrorCode.None, c.Code));
    }

    [Fact]
    public void Malformed_JSON_inside_the_payload_is_a_FormationViolation_quoting_the_reader()
    {
        OcppDecodeError error = PayloadCodec.Decode("Authorize.req", "{\"idTag\":\"A\",}", out _);

        Assert.Equal(OcppErrorCode.FormationViolation, error.Code);
        Assert.StartsWith("payload: malformed JSON (", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_cut_short_is_a_FormationViolation()
    {
        OcppDecodeError error = PayloadCodec.Decode("MeterValues.req", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"" + Time + "\"", out _);

        Assert.Equal(OcppErrorCode.FormationViolation, error.Code);
        Assert.StartsWith("payload: malformed JSON (", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_consumes_exactly_the_payload_object_of_a_CALL_frame()
    {
        byte[] frame = Encoding.UTF8.GetBytes("[2,\"19223201\",\"BootNotification\",{\"chargePointVendor\":\"VendorX\",\"chargePointModel\":\"SingleSocketCharger\"}]");
        var reader = new JsonReader();
        reader.Reset(frame, 0, frame.Length);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(reader.Read());
        }

        Assert.Equal(OcppMessageCatalog.IndexOf("BootNotification"), OcppMessageCatalog.IndexOf(reader));
        Assert.True(reader.Read());
        var request = (BootNotificationRequest)OcppMessageCatalog.CreateRequest("BootNotification");
        var error = new OcppDecodeError();

        Assert.True(request.Read(reader, error), error.Description);
        Assert.Equal("VendorX", request.ChargePointVendor);
        Assert.Equal("SingleSocketCharger", request.ChargePointModel);
        Assert.Null(request.FirmwareVersion);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public void Decoded_values_are_those_of_the_wire()
    {
        const string json = "{\"connectorId\":2,\"transactionId\":-7,\"meterValue\":[{\"timestamp\":\"2023-11-14T23:13:20.5+01:00\",\"sampledValue\":["
                            + "{\"value\":\"1234.5\",\"context\":\"Sample.Periodic\",\"format\":\"Raw\",\"measurand\":\"Energy.Active.Import.Register\","
                            + "\"phase\":\"L1-N\",\"location\":\"Outlet\",\"unit\":\"kWh\"},{\"value\":\"21\",\"unit\":\"Celcius\"}]}]}";

        OcppDecodeError error = PayloadCodec.Decode("MeterValues.req", json, out IOcppPayload payload);

        Assert.False(error.IsSet, error.Description);
        var request = (MeterValuesRequest)payload;
        Assert.Equal(2, request.ConnectorId);
        Assert.True(request.HasTransactionId);
        Assert.Equal(-7, request.TransactionId);
        MeterValue meterValue = Assert.Single(request.MeterValue);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, 500, TimeSpan.Zero).ToUnixTimeMilliseconds(), meterValue.Timestamp);
        Assert.Equal(2, meterValue.SampledValue.Length);
        SampledValue energy = meterValue.SampledValue[0];
        Assert.Equal("1234.5", energy.Value);
        Assert.Equal(ReadingContext.SamplePeriodic, energy.Context);
        Assert.Equal(ValueFormat.Raw, energy.Format);
        Assert.Equal(Measurand.EnergyActiveImportRegister, energy.Measurand);
        Assert.Equal(Phase.L1N, energy.Phase);
        Assert.Equal(Location.Outlet, energy.Location);
        Assert.Equal(UnitOfMeasure.KWh, energy.Unit);
        SampledValue temperature = meterValue.SampledValue[1];
        Assert.Equal(UnitOfMeasure.Celcius, temperature.Unit);
        Assert.Equal(ReadingContext.Unset, temperature.Context);
        Assert.Equal(Measurand.Unset, temperature.Measurand);
    }

    private static string ChargingProfile(string limit)
    {
        return "{\"connectorId\":1,\"csChargingProfiles\":{\"chargingProfileId\":1,\"stackLevel\":0,\"chargingProfilePurpose\":\"TxDefaultProfile\","
               + "\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":"
               + limit + "}," + Period + "]}}}";
    }
}
