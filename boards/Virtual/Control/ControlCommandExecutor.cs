using System;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Config;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual.Control;

/// <summary>
/// Carries out control commands on a <see cref="VirtualWallbox"/>: the simulated world (EV, S2, card, RCD, mains)
/// and the firmware's configuration. Call it only from the thread that steps the wallbox, between two steps.
/// </summary>
public sealed class ControlCommandExecutor
{
    private readonly VirtualWallbox _wallbox;
    private readonly TapCardIssuer _cards = new TapCardIssuer();

    /// <summary>Creates an executor for <paramref name="wallbox"/>.</summary>
    public ControlCommandExecutor(VirtualWallbox wallbox)
    {
        _wallbox = wallbox;
    }

    /// <summary>Parses and carries out <paramref name="line"/>.</summary>
    public ControlReply Execute(string line)
    {
        return ControlCommand.TryParse(line, out ControlCommand command, out string error)
            ? Execute(command)
            : ControlReply.Failure(error);
    }

    /// <summary>Carries out <paramref name="command"/>.</summary>
    public ControlReply Execute(ControlCommand command)
    {
        VirtualWallboxHardware hw = _wallbox.Hardware;
        VirtualEv ev = hw.Ev;
        switch (command.Kind)
        {
            case ControlCommandKind.Plug:
                if (ev.IsPluggedIn)
                {
                    return ControlReply.Failure("the EV is already plugged in");
                }

                hw.PlugInEv();
                return ControlReply.Success("EV plugged in (state B; S2 " + (ev.AutomaticS2 ? "automatic)" : "manual, " + (ev.S2Closed ? "closed)" : "open)")));

            case ControlCommandKind.Unplug:
                if (!ev.IsPluggedIn)
                {
                    return ControlReply.Failure("the EV is not plugged in");
                }

                hw.UnplugEv();
                return ControlReply.Success("EV unplugged (state A)");

            case ControlCommandKind.S2Close:
            case ControlCommandKind.S2Open:
                if (!ev.IsPluggedIn)
                {
                    return ControlReply.Failure("the EV is not plugged in");
                }

                ev.AutomaticS2 = false;
                ev.S2Closed = command.Kind == ControlCommandKind.S2Close;
                return ControlReply.Success(ev.S2Closed ? "S2 closed: the EV requests energy (state C)" : "S2 opened: the EV requests no energy (state B)");

            case ControlCommandKind.S2Auto:
                ev.AutomaticS2 = true;
                return ControlReply.Success("S2 automatic: the EV closes it when offered current");

            case ControlCommandKind.Card:
                return PresentCard(command.Argument);

            case ControlCommandKind.Tap:
                return TapCard(command.Argument, command.CardKind);

            case ControlCommandKind.RcdTrip:
                hw.Rcd.DcLeakageMa = command.Number;
                return ControlReply.Success(command.Number + " mA DC residual current flowing (the RCD trips within "
                    + SimulatedRcd.TripTimeMs(command.Number) + " ms)");

            case ControlCommandKind.RcdClear:
                hw.Rcd.DcLeakageMa = 0;
                return ControlReply.Success("no residual current (the RCD module resets after " + hw.Rcd.ResetDelayMs + " ms)");

            case ControlCommandKind.PowerOff:
                if (!hw.MainsPresent)
                {
                    return ControlReply.Failure("the mains is already off");
                }

                hw.CutPower();
                return ControlReply.Success("mains cut");

            case ControlCommandKind.PowerOn:
                if (hw.MainsPresent)
                {
                    return ControlReply.Failure("the mains is already on");
                }

                hw.RestorePower();
                return ControlReply.Success("mains restored (the firmware boots)");

            case ControlCommandKind.Status:
                return ControlReply.Success(StatusLine.Format(_wallbox).TrimStart());

            case ControlCommandKind.Config:
                return SetConfiguration(command.Argument, command.Value);

            case ControlCommandKind.Get:
                return GetConfiguration(command.Argument);

            case ControlCommandKind.Help:
                return ControlReply.Success(ControlCommand.Grammar);

            case ControlCommandKind.Quit:
                return ControlReply.Success("stopping", quit: true);

            default:
                return ControlReply.Failure("unhandled command " + command.Kind);
        }
    }

    private ControlReply PresentCard(string idTag)
    {
        if (_wallbox.Firmware == null)
        {
            return ControlReply.Failure("the board is unpowered (mains cut)");
        }

        var queue = _wallbox.Firmware.IdTags;
        if (!IdTagInfo.IsValidIdTag(idTag))
        {
            return ControlReply.Failure("refused: not a valid idTag (1 to 20 printable ASCII characters)");
        }

        if (!queue.TryPresent(idTag))
        {
            return ControlReply.Failure("refused: queue full (" + queue.Count + " cards waiting)");
        }

        return ControlReply.Success("card " + idTag + " presented");
    }

    private ControlReply TapCard(string uidHex, TapCardKind kind)
    {
        // DESFire cards are issued from the card-authentication configuration, so the store must be there.
        if (!TryGetStore(out ConfigurationStore store, out ControlReply failure))
        {
            return failure;
        }

        VirtualCard card = _cards.Issue(Convert.FromHexString(uidHex), kind, store, out string what, out string details);
        _wallbox.CardTap.Tap(card, _wallbox.NowMs);

        // What happens next (read, authenticated, refused) shows in the log and the status, as with a real reader.
        return ControlReply.Success("tapped " + what + " " + uidHex + " for " + CardTap.HoldMs / 1000 + " s"
            + (details.Length > 0 ? " (" + details + ")" : string.Empty));
    }

    private ControlReply SetConfiguration(string key, string value)
    {
        if (!TryGetStore(out ConfigurationStore store, out ControlReply failure))
        {
            return failure;
        }

        ConfigChangeStatus status = store.TrySet(key, value, out string reason);
        bool stored = status == ConfigChangeStatus.Accepted || status == ConfigChangeStatus.RebootRequired;
        string text = status + (string.IsNullOrEmpty(reason) ? string.Empty : ": " + reason);
        return stored ? ControlReply.Success(text) : ControlReply.Failure(text);
    }

    private ControlReply GetConfiguration(string key)
    {
        if (!TryGetStore(out ConfigurationStore store, out ControlReply failure))
        {
            return failure;
        }

        ConfigKey definition = store.Find(key);
        if (definition == null)
        {
            return ControlReply.Failure("unknown configuration key " + key);
        }

        if (definition.WriteOnly)
        {
            return ControlReply.Success(definition.Name + " is write-only (" + (store.Get(definition.Name).Length > 0 ? "set" : "empty") + ")");
        }

        return ControlReply.Success(definition.Name + " = " + store.Get(definition.Name));
    }

    private bool TryGetStore(out ConfigurationStore store, out ControlReply failure)
    {
        store = null;
        failure = null;
        if (_wallbox.Firmware == null)
        {
            failure = ControlReply.Failure("the board is unpowered (mains cut)");
            return false;
        }

        store = _wallbox.Firmware.Persistent.Configuration;
        if (!store.IsLoaded)
        {
            failure = ControlReply.Failure("the configuration has not loaded yet");
            return false;
        }

        return true;
    }
}
