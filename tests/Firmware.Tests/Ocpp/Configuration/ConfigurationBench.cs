using System.Text;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp;
using Wallbox.Firmware.Ocpp.Configuration;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Ocpp.Configuration;

/// <summary>
/// A loaded <see cref="ConfigurationStore"/> with every key the firmware declares (the charge point's and the OCPP
/// ones, as PersistentServices declares them), and the two configuration handlers on it; the test plays the RPC layer.
/// </summary>
internal sealed class ConfigurationBench
{
    /// <summary>A messageId of the longest length OCPP-J allows (36), so encoded sizes are the worst case.</summary>
    public const string LongestMessageId = "123456789012345678901234567890123456";

    public ConfigurationBench(int maxFrameBytes = 8192)
    {
        Store = new ConfigurationStore(Files, @"I:\config");
        ChargePointConfigKeys.Declare(Store, new ChargingSettings());
        OcppConfigKeys.Declare(Store, true);
        Store.StartLoad();
        Pump();
        Assert.True(Store.IsLoaded);
        var logger = new Logger(Log, Clock, LogLevel.Debug);
        Get = new GetConfigurationHandler(Store, logger, maxFrameBytes);
        Change = new ChangeConfigurationHandler(Store, logger);
    }

    public VirtualClock Clock { get; } = new VirtualClock();

    public SimulatedFileStore Files { get; } = new SimulatedFileStore();

    public MemoryLogSink Log { get; } = new MemoryLogSink();

    public ConfigurationStore Store { get; }

    public GetConfigurationHandler Get { get; }

    public ChangeConfigurationHandler Change { get; }

    /// <summary>The names of every declared key, in declaration order.</summary>
    public static string[] DeclaredKeyNames()
    {
        var bench = new ConfigurationBench();
        var names = new string[bench.Store.KeyCount];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = bench.Store.KeyAt(i).Name;
        }

        return names;
    }

    /// <summary>GetConfiguration.req with <paramref name="keys"/> (null: the field absent).</summary>
    public GetConfigurationConfirmation GetConfiguration(string[] keys)
    {
        var request = (GetConfigurationRequest)Get.Request;
        request.Reset();
        request.Key = keys;
        var error = new OcppDecodeError();
        var confirmation = (GetConfigurationConfirmation)Get.Handle(Clock.NowMs, error);
        Assert.False(error.IsSet);
        Assert.True(confirmation.Validate(error), error.Description);
        return confirmation;
    }

    /// <summary>ChangeConfiguration.req; the store is pumped afterwards so the change reaches flash.</summary>
    public ConfigurationStatus ChangeConfiguration(string key, string value)
    {
        var request = (ChangeConfigurationRequest)Change.Request;
        request.Reset();
        request.Key = key;
        request.Value = value;
        var error = new OcppDecodeError();
        var confirmation = (ChangeConfigurationConfirmation)Change.Handle(Clock.NowMs, error);
        Assert.False(error.IsSet);
        Assert.True(confirmation.Validate(error), error.Description);
        Pump();
        return confirmation.Status;
    }

    /// <summary>The CALLRESULT frame of <paramref name="payload"/> in a buffer of <paramref name="frameBytes"/>, or null when it does not fit.</summary>
    public static string EncodeCallResult(IOcppPayload payload, int frameBytes)
    {
        var buffer = new byte[frameBytes];
        int length = new OcppFrameWriter().WriteCallResult(buffer, LongestMessageId, payload);
        return length > 0 ? Encoding.UTF8.GetString(buffer, 0, length) : null;
    }

    /// <summary>Every log message written so far, one per line.</summary>
    public string LogText() => string.Join("\n", System.Array.ConvertAll(Log.Entries, e => e.Source + " " + e.Message));

    public void Pump()
    {
        for (int i = 0; i < 100; i++)
        {
            Clock.AdvanceMs(1);
            Files.Advance(Clock.NowUs);
            Store.Tick(Clock.NowMs);
        }
    }
}
