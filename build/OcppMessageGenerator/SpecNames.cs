using System;
using System.Collections.Generic;
using System.Linq;

namespace Wallbox.Build.OcppMessageGenerator;

/// <summary>Who sends the request of an action (OCPP 1.6 §4 and §5; the security whitepaper's use cases).</summary>
internal enum Sender
{
    ChargePoint,
    CentralSystem,
    Both,
}

/// <summary>What the specifications say about an action that its schemas do not.</summary>
internal sealed record ActionInfo(string Action, Sender Sender, bool Security);

/// <summary>
/// OCPP knowledge the JSON schemas do not carry: who sends each action, and the names of the types the 1.6 schemas
/// write inline (the schemas of the 28 core actions have no "definitions"; the specification names their types in §7).
/// </summary>
/// <remarks>
/// Type names are the specifications' names. The 1.6 core names are kept as printed (ChargingRateUnitType, ResetType:
/// there "Type" is part of the name). The security whitepaper, like OCPP 2.0, ends every type name with "Type" and the
/// schemas name them so in "definitions"; that suffix is dropped (CertificateHashDataType -> CertificateHashData,
/// HashAlgorithmEnumType -> HashAlgorithmEnum), which keeps the whitepaper's types apart from the core ones they resemble
/// (MessageTriggerEnum has more values than MessageTrigger, FirmwareStatusEnum than FirmwareStatus). One exception:
/// FirmwareType keeps its suffix, because a class Firmware would be hidden by the namespace Wallbox.Firmware.
/// </remarks>
internal static class SpecNames
{
    /// <summary>The 28 core actions (OCPP 1.6 §4, §5) and the 11 of the security whitepaper ("Improved security for OCPP 1.6-J"), with their sender.</summary>
    public static readonly IReadOnlyList<ActionInfo> Actions = new[]
    {
        // OCPP 1.6 §4: operations initiated by the charge point.
        new ActionInfo("Authorize", Sender.ChargePoint, false),
        new ActionInfo("BootNotification", Sender.ChargePoint, false),
        new ActionInfo("DiagnosticsStatusNotification", Sender.ChargePoint, false),
        new ActionInfo("FirmwareStatusNotification", Sender.ChargePoint, false),
        new ActionInfo("Heartbeat", Sender.ChargePoint, false),
        new ActionInfo("MeterValues", Sender.ChargePoint, false),
        new ActionInfo("StartTransaction", Sender.ChargePoint, false),
        new ActionInfo("StatusNotification", Sender.ChargePoint, false),
        new ActionInfo("StopTransaction", Sender.ChargePoint, false),

        // §4.3 and §5.6: either side may send DataTransfer.
        new ActionInfo("DataTransfer", Sender.Both, false),

        // OCPP 1.6 §5: operations initiated by the central system.
        new ActionInfo("CancelReservation", Sender.CentralSystem, false),
        new ActionInfo("ChangeAvailability", Sender.CentralSystem, false),
        new ActionInfo("ChangeConfiguration", Sender.CentralSystem, false),
        new ActionInfo("ClearCache", Sender.CentralSystem, false),
        new ActionInfo("ClearChargingProfile", Sender.CentralSystem, false),
        new ActionInfo("GetCompositeSchedule", Sender.CentralSystem, false),
        new ActionInfo("GetConfiguration", Sender.CentralSystem, false),
        new ActionInfo("GetDiagnostics", Sender.CentralSystem, false),
        new ActionInfo("GetLocalListVersion", Sender.CentralSystem, false),
        new ActionInfo("RemoteStartTransaction", Sender.CentralSystem, false),
        new ActionInfo("RemoteStopTransaction", Sender.CentralSystem, false),
        new ActionInfo("ReserveNow", Sender.CentralSystem, false),
        new ActionInfo("Reset", Sender.CentralSystem, false),
        new ActionInfo("SendLocalList", Sender.CentralSystem, false),
        new ActionInfo("SetChargingProfile", Sender.CentralSystem, false),
        new ActionInfo("TriggerMessage", Sender.CentralSystem, false),
        new ActionInfo("UnlockConnector", Sender.CentralSystem, false),
        new ActionInfo("UpdateFirmware", Sender.CentralSystem, false),

        // Security whitepaper: sent by the charge point.
        new ActionInfo("LogStatusNotification", Sender.ChargePoint, true),
        new ActionInfo("SecurityEventNotification", Sender.ChargePoint, true),
        new ActionInfo("SignCertificate", Sender.ChargePoint, true),
        new ActionInfo("SignedFirmwareStatusNotification", Sender.ChargePoint, true),

        // Security whitepaper: sent by the central system.
        new ActionInfo("CertificateSigned", Sender.CentralSystem, true),
        new ActionInfo("DeleteCertificate", Sender.CentralSystem, true),
        new ActionInfo("ExtendedTriggerMessage", Sender.CentralSystem, true),
        new ActionInfo("GetInstalledCertificateIds", Sender.CentralSystem, true),
        new ActionInfo("GetLog", Sender.CentralSystem, true),
        new ActionInfo("InstallCertificate", Sender.CentralSystem, true),
        new ActionInfo("SignedUpdateFirmware", Sender.CentralSystem, true),
    };

    /// <summary>
    /// Names of the inline enums and objects of the core schemas, by place: "&lt;schema&gt; &lt;path&gt;", where the path
    /// joins property names with '.' and marks array items with "[]". Every inline enum or object must be listed and
    /// every entry must be used, so a changed schema file fails the generator instead of renaming types silently.
    /// Names from OCPP 1.6 §7 (and §7's field tables for which type a field has).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> InlineTypes = BuildInlineTypes();

    private static Dictionary<string, string> BuildInlineTypes()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);

        void Add(string place, string name)
        {
            names.Add(place, name);
        }

        // IdTagInfo and its AuthorizationStatus.
        foreach (string place in new[]
                 {
                     "Authorize.conf idTagInfo", "StartTransaction.conf idTagInfo", "StopTransaction.conf idTagInfo",
                     "SendLocalList.req localAuthorizationList[].idTagInfo",
                 })
        {
            Add(place, "IdTagInfo");
            Add(place + ".status", "AuthorizationStatus");
        }

        Add("SendLocalList.req localAuthorizationList[]", "AuthorizationData");
        Add("SendLocalList.req updateType", "UpdateType");
        Add("SendLocalList.conf status", "UpdateStatus");

        Add("BootNotification.conf status", "RegistrationStatus");
        Add("CancelReservation.conf status", "CancelReservationStatus");
        Add("ChangeAvailability.req type", "AvailabilityType");
        Add("ChangeAvailability.conf status", "AvailabilityStatus");
        Add("ChangeConfiguration.conf status", "ConfigurationStatus");
        Add("ClearCache.conf status", "ClearCacheStatus");
        Add("ClearChargingProfile.req chargingProfilePurpose", "ChargingProfilePurposeType");
        Add("ClearChargingProfile.conf status", "ClearChargingProfileStatus");
        Add("DataTransfer.conf status", "DataTransferStatus");
        Add("DiagnosticsStatusNotification.req status", "DiagnosticsStatus");
        Add("FirmwareStatusNotification.req status", "FirmwareStatus");
        Add("GetCompositeSchedule.req chargingRateUnit", "ChargingRateUnitType");
        Add("GetCompositeSchedule.conf status", "GetCompositeScheduleStatus");
        Add("GetConfiguration.conf configurationKey[]", "KeyValue");
        Add("RemoteStartTransaction.conf status", "RemoteStartStopStatus");
        Add("RemoteStopTransaction.conf status", "RemoteStartStopStatus");
        Add("ReserveNow.conf status", "ReservationStatus");
        Add("Reset.req type", "ResetType");
        Add("Reset.conf status", "ResetStatus");
        Add("SetChargingProfile.conf status", "ChargingProfileStatus");
        Add("StatusNotification.req errorCode", "ChargePointErrorCode");
        Add("StatusNotification.req status", "ChargePointStatus");
        Add("StopTransaction.req reason", "Reason");
        Add("TriggerMessage.req requestedMessage", "MessageTrigger");
        Add("TriggerMessage.conf status", "TriggerMessageStatus");
        Add("UnlockConnector.conf status", "UnlockStatus");

        // ChargingSchedule (GetCompositeSchedule.conf, and inside ChargingProfile).
        foreach (string place in new[]
                 {
                     "GetCompositeSchedule.conf chargingSchedule", "RemoteStartTransaction.req chargingProfile.chargingSchedule",
                     "SetChargingProfile.req csChargingProfiles.chargingSchedule",
                 })
        {
            Add(place, "ChargingSchedule");
            Add(place + ".chargingRateUnit", "ChargingRateUnitType");
            Add(place + ".chargingSchedulePeriod[]", "ChargingSchedulePeriod");
        }

        // ChargingProfile (RemoteStartTransaction.req, SetChargingProfile.req).
        foreach (string place in new[] { "RemoteStartTransaction.req chargingProfile", "SetChargingProfile.req csChargingProfiles" })
        {
            Add(place, "ChargingProfile");
            Add(place + ".chargingProfilePurpose", "ChargingProfilePurposeType");
            Add(place + ".chargingProfileKind", "ChargingProfileKindType");
            Add(place + ".recurrencyKind", "RecurrencyKindType");
        }

        // MeterValue and SampledValue (MeterValues.req, StopTransaction.req).
        foreach (string place in new[] { "MeterValues.req meterValue[]", "StopTransaction.req transactionData[]" })
        {
            Add(place, "MeterValue");
            Add(place + ".sampledValue[]", "SampledValue");
            Add(place + ".sampledValue[].context", "ReadingContext");
            Add(place + ".sampledValue[].format", "ValueFormat");
            Add(place + ".sampledValue[].measurand", "Measurand");
            Add(place + ".sampledValue[].phase", "Phase");
            Add(place + ".sampledValue[].location", "Location");
            Add(place + ".sampledValue[].unit", "UnitOfMeasure");
        }

        return names;
    }

    /// <summary>
    /// Whitepaper types that keep their full name: "Firmware" would be hidden by the namespace Wallbox.Firmware in all
    /// project code (every namespace there is inside it), so the class is FirmwareType.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> DefinitionNameExceptions =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["FirmwareType"] = "FirmwareType" };

    /// <summary>Names no generated type may take: the segments of the namespaces the project's code lives in.</summary>
    private static readonly string[] NamespaceSegments = { "Wallbox", "Firmware", "Ocpp", "Messages", "Hal", "Drivers", "Json", "Rpc" };

    /// <summary>Fails when <paramref name="typeName"/> would be hidden by a namespace of the same name.</summary>
    public static void CheckTypeName(string typeName, string where)
    {
        if (Array.IndexOf(NamespaceSegments, typeName) >= 0)
        {
            throw new GeneratorException(where + ": the type name " + typeName + " is also a namespace of the project; add an exception to SpecNames");
        }
    }

    /// <summary>The C# name of a type from the security whitepaper's "definitions" (its "Type" suffix dropped).</summary>
    public static string FromDefinition(string definitionName)
    {
        if (DefinitionNameExceptions.TryGetValue(definitionName, out string? exception))
        {
            return exception;
        }

        if (!definitionName.EndsWith("Type", StringComparison.Ordinal) || definitionName.Length == "Type".Length)
        {
            throw new GeneratorException("definition \"" + definitionName + "\" does not follow the whitepaper's naming (...Type)");
        }

        return definitionName.Substring(0, definitionName.Length - "Type".Length);
    }

    /// <summary>The action's entry; fails when the schema file has an action this table does not know.</summary>
    public static ActionInfo Action(string action)
    {
        return Actions.FirstOrDefault(a => a.Action == action)
            ?? throw new GeneratorException("action \"" + action + "\" is in the schema file but not in SpecNames.Actions (who sends it?)");
    }
}
