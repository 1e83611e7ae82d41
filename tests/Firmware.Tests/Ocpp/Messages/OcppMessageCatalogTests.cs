using System;
using System.Linq;
using System.Reflection;
using System.Text;
using Wallbox.Firmware.Ocpp.Json;
using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Tests.Ocpp.Messages;

/// <summary>The catalog lists the 39 actions of OCPP 1.6 and its security whitepaper, who sends each, and makes their payloads.</summary>
public sealed class OcppMessageCatalogTests
{
    private static readonly string[] CoreActions =
    {
        "Authorize", "BootNotification", "CancelReservation", "ChangeAvailability", "ChangeConfiguration", "ClearCache",
        "ClearChargingProfile", "DataTransfer", "DiagnosticsStatusNotification", "FirmwareStatusNotification", "GetCompositeSchedule",
        "GetConfiguration", "GetDiagnostics", "GetLocalListVersion", "Heartbeat", "MeterValues", "RemoteStartTransaction",
        "RemoteStopTransaction", "ReserveNow", "Reset", "SendLocalList", "SetChargingProfile", "StartTransaction", "StatusNotification",
        "StopTransaction", "TriggerMessage", "UnlockConnector", "UpdateFirmware",
    };

    private static readonly string[] SecurityActions =
    {
        "SecurityEventNotification", "SignedUpdateFirmware", "SignedFirmwareStatusNotification", "ExtendedTriggerMessage",
        "InstallCertificate", "DeleteCertificate", "GetInstalledCertificateIds", "GetLog", "LogStatusNotification", "SignCertificate",
        "CertificateSigned",
    };

    [Fact]
    public void The_catalog_holds_the_28_core_and_11_security_actions_in_ordinal_order()
    {
        string[] actions = Enumerable.Range(0, OcppMessageCatalog.ActionCount).Select(OcppMessageCatalog.ActionAt).ToArray();

        Assert.Equal(39, OcppMessageCatalog.ActionCount);
        Assert.Equal(CoreActions.Concat(SecurityActions).OrderBy(a => a, StringComparer.Ordinal), actions);
        Assert.Null(OcppMessageCatalog.ActionAt(-1));
        Assert.Null(OcppMessageCatalog.ActionAt(39));
    }

    [Fact]
    public void Each_action_has_a_request_and_a_confirmation_class_made_new_on_every_call()
    {
        for (int i = 0; i < OcppMessageCatalog.ActionCount; i++)
        {
            string action = OcppMessageCatalog.ActionAt(i);
            IOcppPayload request = OcppMessageCatalog.CreateRequest(action);
            IOcppPayload confirmation = OcppMessageCatalog.CreateConfirmation(action);

            Assert.Equal(action + "Request", request.GetType().Name);
            Assert.Equal(action, request.Action);
            Assert.True(request.IsRequest);
            Assert.Equal(action + "Confirmation", confirmation.GetType().Name);
            Assert.Equal(action, confirmation.Action);
            Assert.False(confirmation.IsRequest);
            Assert.NotSame(request, OcppMessageCatalog.CreateRequest(i));
            Assert.Equal(request.GetType(), OcppMessageCatalog.CreateRequest(i).GetType());
            Assert.Equal(confirmation.GetType(), OcppMessageCatalog.CreateConfirmation(i).GetType());
        }

        int payloadClasses = typeof(IOcppPayload).Assembly.GetTypes().Count(t => typeof(IOcppPayload).IsAssignableFrom(t) && !t.IsInterface && t.Namespace == typeof(IOcppPayload).Namespace);
        Assert.Equal(78, payloadClasses);
    }

    [Theory]
    [InlineData("Authorize", OcppMessageDirection.ChargePointToCentralSystem)]
    [InlineData("BootNotification", OcppMessageDirection.ChargePointToCentralSystem)]
    [InlineData("StopTransaction", OcppMessageDirection.ChargePointToCentralSystem)]
    [InlineData("DataTransfer", OcppMessageDirection.Both)]
    [InlineData("RemoteStartTransaction", OcppMessageDirection.CentralSystemToChargePoint)]
    [InlineData("TriggerMessage", OcppMessageDirection.CentralSystemToChargePoint)]
    [InlineData("SignCertificate", OcppMessageDirection.ChargePointToCentralSystem)]
    [InlineData("SecurityEventNotification", OcppMessageDirection.ChargePointToCentralSystem)]
    [InlineData("CertificateSigned", OcppMessageDirection.CentralSystemToChargePoint)]
    [InlineData("GetLog", OcppMessageDirection.CentralSystemToChargePoint)]
    public void Each_action_says_who_sends_its_request(string action, OcppMessageDirection direction)
    {
        Assert.Equal(direction, OcppMessageCatalog.DirectionOf(action));
    }

    [Fact]
    public void Thirteen_actions_are_sent_by_the_charge_point_twenty_five_by_the_central_system_and_DataTransfer_by_both()
    {
        var directions = Enumerable.Range(0, OcppMessageCatalog.ActionCount).Select(OcppMessageCatalog.DirectionAt).ToArray();

        Assert.Equal(13, directions.Count(d => d == OcppMessageDirection.ChargePointToCentralSystem));
        Assert.Equal(25, directions.Count(d => d == OcppMessageDirection.CentralSystemToChargePoint));
        Assert.Equal(1, directions.Count(d => d == OcppMessageDirection.Both));
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("bootnotification")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_action_has_no_payloads_and_no_direction(string action)
    {
        Assert.False(OcppMessageCatalog.IsKnownAction(action));
        Assert.Equal(-1, OcppMessageCatalog.IndexOf(action));
        Assert.Null(OcppMessageCatalog.CreateRequest(action));
        Assert.Null(OcppMessageCatalog.CreateConfirmation(action));
        Assert.Equal(OcppMessageDirection.Unknown, OcppMessageCatalog.DirectionOf(action));
    }

    [Fact]
    public void The_action_is_found_from_the_reader_without_taking_its_string()
    {
        byte[] json = Encoding.UTF8.GetBytes("[\"StatusNotification\",\"Status\"]");
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        reader.Read();
        reader.Read();

        Assert.Equal(OcppMessageCatalog.IndexOf("StatusNotification"), OcppMessageCatalog.IndexOf(reader));
        reader.Read();
        Assert.Equal(-1, OcppMessageCatalog.IndexOf(reader));
    }

    [Fact]
    public void Every_enum_value_maps_to_its_wire_name_and_back_from_text_and_from_the_reader()
    {
        Assembly assembly = typeof(IOcppPayload).Assembly;
        Type[] enums = assembly.GetTypes()
            .Where(t => t.IsEnum && t.Namespace == typeof(IOcppPayload).Namespace && t != typeof(OcppMessageDirection))
            .ToArray();
        var reader = new JsonReader();
        int values = 0;
        foreach (Type type in enums)
        {
            Type names = assembly.GetType(type.FullName + "Names", throwOnError: true);
            MethodInfo toWire = names.GetMethod("ToWire");
            MethodInfo parseText = names.GetMethod("TryParse", new[] { typeof(string), type.MakeByRefType() });
            MethodInfo parseReader = names.GetMethod("TryParse", new[] { typeof(JsonReader), type.MakeByRefType() });
            Assert.Equal("Unset", Enum.GetName(type, 0));
            Assert.Null(toWire.Invoke(null, new[] { Enum.ToObject(type, 0) }));
            Assert.Null(toWire.Invoke(null, new[] { Enum.ToObject(type, 1000) }));

            foreach (object value in Enum.GetValues(type).Cast<object>().Skip(1))
            {
                var wire = (string)toWire.Invoke(null, new[] { value });
                Assert.NotNull(wire);
                object[] args = { wire, null };
                Assert.True((bool)parseText.Invoke(null, args));
                Assert.Equal(value, args[1]);

                byte[] json = Encoding.UTF8.GetBytes("\"" + wire + "\"");
                reader.Reset(json, 0, json.Length);
                reader.Read();
                args = new object[] { reader, null };
                Assert.True((bool)parseReader.Invoke(null, args));
                Assert.Equal(value, args[1]);
                values++;
            }

            object[] unknown = { "no such value", null };
            Assert.False((bool)parseText.Invoke(null, unknown));
            Assert.Equal(Enum.ToObject(type, 0), unknown[1]);
        }

        // 35 enums of OCPP 1.6 §7 and 14 of the security whitepaper, with 240 values between them.
        Assert.Equal(49, enums.Length);
        Assert.Equal(240, values);
    }

    [Fact]
    public void Enum_members_are_named_after_the_wire_names()
    {
        Assert.Equal("Energy.Active.Import.Register", MeasurandNames.ToWire(Measurand.EnergyActiveImportRegister));
        Assert.Equal("L1-N", PhaseNames.ToWire(Phase.L1N));
        Assert.Equal("L3-L1", PhaseNames.ToWire(Phase.L3L1));
        Assert.Equal("Celcius", UnitOfMeasureNames.ToWire(UnitOfMeasure.Celcius));
        Assert.Equal("kWh", UnitOfMeasureNames.ToWire(UnitOfMeasure.KWh));
        Assert.Equal("SoC", MeasurandNames.ToWire(Measurand.SoC));
        Assert.Equal("Sample.Periodic", ReadingContextNames.ToWire(ReadingContext.SamplePeriodic));
        Assert.Equal("SHA256", HashAlgorithmEnumNames.ToWire(HashAlgorithmEnum.SHA256));
        Assert.Equal("ConcurrentTx", AuthorizationStatusNames.ToWire(AuthorizationStatus.ConcurrentTx));
    }

    [Fact]
    public void A_type_used_by_several_messages_is_one_type()
    {
        Assert.Equal(typeof(IdTagInfo), typeof(AuthorizeConfirmation).GetField("IdTagInfo").FieldType);
        Assert.Equal(typeof(IdTagInfo), typeof(StartTransactionConfirmation).GetField("IdTagInfo").FieldType);
        Assert.Equal(typeof(IdTagInfo), typeof(AuthorizationData).GetField("IdTagInfo").FieldType);
        Assert.Equal(typeof(ChargingProfile), typeof(RemoteStartTransactionRequest).GetField("ChargingProfile").FieldType);
        Assert.Equal(typeof(ChargingProfile), typeof(SetChargingProfileRequest).GetField("CsChargingProfiles").FieldType);
        Assert.Equal(typeof(MeterValue[]), typeof(StopTransactionRequest).GetField("TransactionData").FieldType);
        Assert.Equal(typeof(RemoteStartStopStatus), typeof(RemoteStopTransactionConfirmation).GetField("Status").FieldType);
        Assert.Equal(typeof(ChargingRateUnitType), typeof(GetCompositeScheduleRequest).GetField("ChargingRateUnit").FieldType);
        Assert.Equal(typeof(CertificateHashData), typeof(DeleteCertificateRequest).GetField("CertificateHashData").FieldType);

        // Same values, different OCPP type: two enums.
        Assert.NotEqual(typeof(TriggerMessageStatus), typeof(ExtendedTriggerMessageConfirmation).GetField("Status").FieldType);
    }
}
