using System.Collections.Generic;
using System.Linq;
using Wallbox.Firmware.Config;

namespace Wallbox.Firmware.Tests.Ocpp.Configuration;

/// <summary>
/// Values for every declared key derived from its definition: a valid value different from the default, and invalid
/// values (wrong type, out of range, not allowed). Keys with a rule of their own (<see cref="ConfigKey.ValueCheck"/>)
/// need an entry in the tables below; a new checked key without one fails the tests that use it, on purpose.
/// </summary>
internal static class KeySamples
{
    private static readonly Dictionary<string, string> ValidForCheckedKeys = new()
    {
        ["ConnectorPhaseRotation"] = "0.RST,1.RTS",
        ["AuthorizationKey"] = "0123456789ABCDEF0123456789ABCDEF01234567",
        ["FreeVendIdTag"] = "FREE-2",
        ["UnlockBadgeIdTag"] = "BADGE-1",
        ["MeterValuesSampledData"] = "Energy.Active.Import.Register,Power.Active.Import",
        ["MeterValuesAlignedData"] = "Energy.Active.Import.Register,Power.Active.Import",
        ["StopTxnAlignedData"] = "Energy.Active.Import.Register",
        ["StopTxnSampledData"] = "Energy.Active.Import.Register,Power.Active.Import",
        ["RfidDesfireApplication"] = "F54230",
        ["RfidDesfireKey"] = "AES:00112233445566778899AABBCCDDEEFF",
        ["RfidDesfireSystemIdentifier"] = "4E585020416275",
    };

    private static readonly Dictionary<string, string[]> InvalidForCheckedKeys = new()
    {
        ["ConnectorPhaseRotation"] = new[] { "1.LMN", "2.RST", "1.RST,1.RTS", "RST" },
        ["AuthorizationKey"] = new[] { "tooShort", "0123456789 ABCDEF" },
        ["FreeVendIdTag"] = new[] { "", "has space" },
        ["UnlockBadgeIdTag"] = new[] { "has space" },
        ["MeterValuesSampledData"] = new[] { "Energy.Active.Import.Register,SoC" },
        ["MeterValuesAlignedData"] = new[] { "Energy.Active.Import.Register,SoC" },
        ["StopTxnAlignedData"] = new[] { "Energy.Active.Import.Register,SoC" },
        ["StopTxnSampledData"] = new[] { "Energy.Active.Import.Register,SoC", "Power.Active.Import" },
        ["RfidDesfireApplication"] = new[] { "F5423", "F5423G", "00F54230" },
        ["RfidDesfireKey"] = new[] { "AES:0011", "00112233445566778899AABBCCDDEEFF", "RSA:00112233445566778899AABBCCDDEEFF", "DES:00112233445566778899AABBCCDDEEFF" },
        ["RfidDesfireSystemIdentifier"] = new[] { "4E5", "XY" },
    };

    /// <summary>
    /// Integer keys whose valid sample depends on other keys (set first with <see cref="Prerequisites"/>): SecurityProfile
    /// takes only a profile the link can connect with (ChangeConfigurationHandler), 1 with an AuthorizationKey.
    /// </summary>
    private static readonly Dictionary<string, string> ValidForDependentKeys = new()
    {
        ["SecurityProfile"] = "1",

        // The central system may only switch OCPP on (ChangeConfigurationHandler): switched off locally first.
        ["OcppEnabled"] = "true",
    };

    private static readonly Dictionary<string, (string Key, string Value)[]> PrerequisitesOfKeys = new()
    {
        ["SecurityProfile"] = new[] { ("AuthorizationKey", "0123456789ABCDEF0123456789ABCDEF01234567") },
        ["OcppEnabled"] = new[] { ("OcppEnabled", "false") },
    };

    /// <summary>Other keys to set (through the store) before <see cref="Valid"/> of <paramref name="key"/> is accepted.</summary>
    public static (string Key, string Value)[] Prerequisites(ConfigKey key) =>
        PrerequisitesOfKeys.TryGetValue(key.Name, out var prerequisites) ? prerequisites : System.Array.Empty<(string, string)>();

    /// <summary>A value the key accepts that differs from its default where the definition allows one.</summary>
    public static string Valid(ConfigKey key)
    {
        if (ValidForDependentKeys.TryGetValue(key.Name, out string dependent))
        {
            return dependent;
        }

        switch (key.Type)
        {
            case ConfigValueType.Boolean:
                return key.DefaultValue == "true" ? "false" : "true";
            case ConfigValueType.Integer:
                if (key.AllowedValues != null)
                {
                    return key.AllowedValues.First(v => v != key.DefaultValue);
                }

                return key.DefaultValue == key.Maximum.ToString() ? key.Minimum.ToString() : key.Maximum.ToString();
            default:
                if (key.ValueCheck != null)
                {
                    Assert.True(ValidForCheckedKeys.ContainsKey(key.Name), key.Name + " has a value check: add a valid sample to KeySamples");
                    return ValidForCheckedKeys[key.Name];
                }

                if (key.AllowedValues != null)
                {
                    return key.AllowedValues.First(v => v != key.DefaultValue);
                }

                return key.RequiredPrefixes != null ? key.RequiredPrefixes[0] + "csms.example/ocpp" : "changed-" + key.Name.Length;
        }
    }

    /// <summary>Values the key refuses, each with what is wrong with it.</summary>
    public static IEnumerable<(string Value, string Why)> Invalid(ConfigKey key)
    {
        switch (key.Type)
        {
            case ConfigValueType.Boolean:
                yield return ("yes", "wrong type");
                yield return ("1", "wrong type");
                break;
            case ConfigValueType.Integer:
                yield return ("abc", "wrong type");
                yield return ("1.5", "wrong type");
                if (key.Maximum < int.MaxValue)
                {
                    yield return ((key.Maximum + 1L).ToString(), "above the maximum");
                }

                if (key.Minimum > int.MinValue)
                {
                    yield return ((key.Minimum - 1L).ToString(), "below the minimum");
                }

                if (key.AllowedValues != null)
                {
                    int notAllowed = Enumerable.Range(key.Minimum, key.Maximum - key.Minimum + 1).First(v => !key.AllowedValues.Contains(v.ToString()));
                    yield return (notAllowed.ToString(), "in range but not allowed");
                }

                break;
            default:
                yield return (new string('x', key.MaxLength + 1), "too long");
                yield return ("a\u0001b", "control character");
                if (key.AllowedValues != null)
                {
                    yield return ("NotOneOfThem", "not allowed");
                }

                if (key.RequiredPrefixes != null)
                {
                    yield return ("http://csms.example/ocpp", "not allowed prefix");
                }

                if (key.ValueCheck != null)
                {
                    Assert.True(InvalidForCheckedKeys.ContainsKey(key.Name), key.Name + " has a value check: add invalid samples to KeySamples");
                    foreach (string value in InvalidForCheckedKeys[key.Name])
                    {
                        yield return (value, "refused by its value check");
                    }
                }

                break;
        }
    }
}
