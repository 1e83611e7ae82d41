using Wallbox.Drivers.Desfire;
using Wallbox.Drivers.IsoDep;
using Wallbox.Hal;

namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// One authentication of a card the reader kept selected: ISO/IEC 14443-4 activation (RATS/ATS), the DESFire EV1
    /// session (GetVersion, SelectApplication, Authenticate, GetCardUID, optionally ReadData), then S(DESELECT) so the card
    /// rests in HALT and the reader's WUPA presence checks go on. One short step per <see cref="Tick"/>; the buffers are
    /// allocated once, at construction.
    /// </summary>
    public sealed class DesfireCardCheck
    {
        private readonly IsoDepLink _link;
        private readonly DesfireCardSession _session;
        private DesfireCardCheckPhase _phase;
        private DesfireSessionSettings _settings;
        private byte[] _uid;
        private int _uidLength;

        /// <summary>Creates the check on the reader chip's frame interface; <paramref name="random"/> makes the challenges.</summary>
        public DesfireCardCheck(IContactlessFrameTransceiver transceiver, IRandomSource random)
        {
            _link = new IsoDepLink(transceiver);
            _session = new DesfireCardSession(_link, random);
        }

        /// <summary>True from <see cref="Start"/> until the check has finished.</summary>
        public bool IsRunning
        {
            get { return _phase != DesfireCardCheckPhase.Idle && _phase != DesfireCardCheckPhase.Finished; }
        }

        /// <summary>True once the check of the last <see cref="Start"/> has finished (read the results).</summary>
        public bool IsFinished
        {
            get { return _phase == DesfireCardCheckPhase.Finished; }
        }

        /// <summary>The card answered S(DESELECT) and is in HALT (otherwise the reader halts it with HLTA).</summary>
        public bool Deselected { get; private set; }

        /// <summary>
        /// The outcome: <see cref="DesfireSessionResult.Authenticated"/> for a genuine card of the network;
        /// <see cref="DesfireSessionResult.CommunicationError"/> also when the ISO-DEP activation failed.
        /// </summary>
        public DesfireSessionResult Result { get; private set; }

        /// <summary>DESFire status code of the failing command, or -1.</summary>
        public int StatusCode { get; private set; }

        /// <summary>The ISO-DEP link (ATS, error, counters) for diagnostics.</summary>
        public IsoDepLink Link
        {
            get { return _link; }
        }

        /// <summary>The DESFire session (real UID, file data) of the last check.</summary>
        public DesfireCardSession Session
        {
            get { return _session; }
        }

        /// <summary>Starts checking the card just selected, whose anticollision UID is given.</summary>
        public void Start(DesfireSessionSettings settings, byte[] anticollisionUid, int uidLength, long nowMs)
        {
            _settings = settings;
            _uid = anticollisionUid;
            _uidLength = uidLength;
            Deselected = false;
            Result = DesfireSessionResult.None;
            StatusCode = -1;
            _link.Reset();
            _link.StartActivation(nowMs);
            _phase = DesfireCardCheckPhase.Activating;
        }

        /// <summary>Advances the check by one step.</summary>
        public void Tick(long nowMs)
        {
            switch (_phase)
            {
                case DesfireCardCheckPhase.Activating:
                    _link.Poll(nowMs);
                    if (_link.State == IsoDepLinkState.Active)
                    {
                        _session.Start(_settings, _uid, _uidLength, nowMs);
                        _phase = DesfireCardCheckPhase.Session;
                    }
                    else if (_link.State != IsoDepLinkState.Activating)
                    {
                        Result = DesfireSessionResult.CommunicationError; // no ATS: the card left or is not ISO-DEP after all
                        _phase = DesfireCardCheckPhase.Finished;
                    }

                    break;
                case DesfireCardCheckPhase.Session:
                    _session.Tick(nowMs);
                    if (_session.State == DesfireSessionState.Running)
                    {
                        break;
                    }

                    Result = _session.Result;
                    StatusCode = _session.StatusCode;
                    _phase = _link.StartDeselect(nowMs) ? DesfireCardCheckPhase.Deselecting : DesfireCardCheckPhase.Finished;
                    break;
                case DesfireCardCheckPhase.Deselecting:
                    _link.Poll(nowMs);
                    if (_link.State == IsoDepLinkState.Deselecting)
                    {
                        break;
                    }

                    Deselected = _link.State == IsoDepLinkState.Deselected;
                    _phase = DesfireCardCheckPhase.Finished;
                    break;
            }
        }
    }
}
