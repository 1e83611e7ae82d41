using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>
/// A minimal central system on the simulated WebSocket, in virtual time, for tests that need an accepted charge point
/// but not the strict peer (the scenario suite in tests/Scenarios uses that one): answers every CALL of the charge
/// point with a fixed valid confirmation and counts them per action.
/// </summary>
internal sealed class ScriptedCentralSystem
{
    private readonly SimulatedWebSocketClient _socket;
    private readonly SimulatedWallClock _wall;
    private int _nextTransactionId = 1;

    public ScriptedCentralSystem(SimulatedWebSocketClient socket, SimulatedWallClock wall)
    {
        _socket = socket;
        _wall = wall;
    }

    /// <summary>CALLs received, per action.</summary>
    public Dictionary<string, int> Calls { get; } = new Dictionary<string, int>();

    /// <summary>Answers what the charge point sent since the last call; call after every step.</summary>
    public void Serve()
    {
        while (_socket.TryPeerReceive(out string text))
        {
            using JsonDocument frame = JsonDocument.Parse(text);
            JsonElement root = frame.RootElement;
            if (root[0].GetInt32() != 2)
            {
                continue;
            }

            string id = root[1].GetString();
            string action = root[2].GetString();
            Calls[action] = Calls.TryGetValue(action, out int n) ? n + 1 : 1;
            _socket.PeerSend("[3,\"" + id + "\"," + Confirmation(action) + "]");
        }
    }

    private string Confirmation(string action)
    {
        string now = "\"" + _wall.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\"";
        switch (action)
        {
            case "BootNotification":
                return "{\"status\":\"Accepted\",\"currentTime\":" + now + ",\"interval\":300}";
            case "Heartbeat":
                return "{\"currentTime\":" + now + "}";
            case "Authorize":
                return "{\"idTagInfo\":{\"status\":\"Accepted\"}}";
            case "StartTransaction":
                return "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":" + _nextTransactionId++ + "}";
            default:
                return "{}";
        }
    }
}
