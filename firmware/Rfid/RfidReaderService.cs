using Wallbox.Drivers.Desfire;
using Wallbox.Drivers.Mfrc522;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging.Indication;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp.Status;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;

namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// The badge reader of the charge point: ticks the ISO 14443-3 Type A reader on the MFRC522, turns each new card in
    /// the field into its idTag (the configured format, WBX-14, CPL-31) once per presentation (a held card is not
    /// presented again, <see cref="CardPresenceDebouncer"/>), hands it to the authorisation logic through the
    /// <see cref="PresentedIdTagQueue"/>, and publishes reader failure as OCPP ReaderFailure.
    /// </summary>
    /// <remarks>
    /// With card authentication (RfidCardAuthentication Optional/Required, CHY-05) a DESFire card is kept selected and
    /// checked by a <see cref="DesfireCardCheck"/>: only a card that proves it holds the network key gives an idTag, taken
    /// from its real UID read over the authenticated channel (or from a file). A refused card is shown for 3 s (CPH-17)
    /// and never reaches the authorisation logic. A random UID (4 bytes starting 0x08, CHY-05) identifies no card: it is
    /// refused unless authentication reads the real UID.
    /// </remarks>
    public sealed class RfidReaderService : ITickable
    {
        /// <summary>How long a card refused by the reader is shown, ms (CPH-17: 3 s yellow blinking).</summary>
        public const int CardRefusedDisplayMs = 3000;

        private const string LogSource = "rfid";
        private const byte RandomUidFirstByte = 0x08;

        /// <summary>How refused cards are named in the log: their UID as transmitted, in hex (not a secret; support needs it).</summary>
        private static readonly IdTagFormat LogUidFormat = new IdTagFormat(IdTagByteOrder.AsTransmitted, IdTagNotation.Hex);

        private readonly Iso14443TypeAReader _reader;
        private readonly PresentedIdTagQueue _queue;
        private readonly ConfigurationStore _configuration;
        private readonly PeripheralHealth _health;
        private readonly IndicationFlags _indication;
        private readonly Logger _log;
        private readonly DesfireCardCheck _check;
        private readonly CardPresenceDebouncer _debouncer = new CardPresenceDebouncer();
        private readonly ReaderHealth _readerHealth = new ReaderHealth();
        private readonly IdTagFormatter _formatter = new IdTagFormatter();
        private IdTagFormat _format;
        private CardAuthenticationMode _mode;
        private DesfireSessionSettings _desfire;
        private string _desfireProblem;
        private int _appliedChangeCount = -1;
        private bool _failureLogged;

        /// <summary>
        /// Creates the service for the MFRC522 on <paramref name="spi"/>; <paramref name="random"/> (null on a board
        /// without one: card authentication then refuses every card it would check) makes the authentication challenges.
        /// </summary>
        public RfidReaderService(ISpiDevice spi, IRandomSource random, PresentedIdTagQueue queue, ConfigurationStore configuration, PeripheralHealth health, IndicationFlags indication, Logger log)
        {
            var chip = new Mfrc522(spi, Mfrc522RxGain.Gain48dB);
            _reader = new Iso14443TypeAReader(chip);
            _check = random == null ? null : new DesfireCardCheck(chip, random);
            _queue = queue;
            _configuration = configuration;
            _health = health;
            _indication = indication;
            _log = log;
        }

        /// <summary>The ISO 14443-3 reader (UID, SAK, statistics).</summary>
        public Iso14443TypeAReader Reader
        {
            get { return _reader; }
        }

        /// <summary>The card check of the last authenticated presentation (ATS, DESFire result), or null without a random source.</summary>
        public DesfireCardCheck Check
        {
            get { return _check; }
        }

        /// <summary>The idTag of the last presentation (web page diagnostics, WBX-15c), or null.</summary>
        public string LastIdTag { get; private set; }

        /// <summary>Why the last refused card was refused (web page diagnostics), or null.</summary>
        public string LastRefusal { get; private set; }

        /// <summary>Presentations handed to the authorisation logic since boot.</summary>
        public int PresentationCount { get; private set; }

        /// <summary>Cards refused by the reader itself (not genuine, random UID, not allowed by the mode) since boot.</summary>
        public int RefusalCount { get; private set; }

        /// <summary>Cards that proved the network key since boot.</summary>
        public int AuthenticatedCount { get; private set; }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (!_configuration.IsLoaded)
            {
                return;
            }

            if (_configuration.ChangeCount != _appliedChangeCount)
            {
                ApplyConfiguration();
            }

            if (_check != null && _check.IsRunning)
            {
                TickCheck(nowMs);
                return;
            }

            _reader.Tick(nowMs);
            _readerHealth.Report(!_reader.ReaderFailed, nowMs);
            if (_health != null)
            {
                _readerHealth.Publish(_health);
            }

            if (_readerHealth.Failed != _failureLogged)
            {
                _failureLogged = _readerHealth.Failed;
                _log.Write(_failureLogged ? LogLevel.Error : LogLevel.Info, LogSource, _failureLogged ? "RFID reader not answering (ReaderFailure)" : "RFID reader answers again");
            }

            if (!_reader.CardPresent)
            {
                return;
            }

            bool newTap = _debouncer.CardSeen(_reader.Uid, 0, _reader.UidLength, nowMs);
            if (_reader.CardAwaitingApplication)
            {
                if (newTap)
                {
                    StartCheck(nowMs);
                }
                else
                {
                    _reader.ReleaseCard(false, nowMs); // the same card selected again while held: already handled
                }

                return;
            }

            if (newTap)
            {
                PresentUnauthenticated(nowMs, false);
            }
        }

        private void ApplyConfiguration()
        {
            _appliedChangeCount = _configuration.ChangeCount;
            _format = RfidConfigKeys.Format(_configuration);
            _mode = CardAuthenticationConfigKeys.Mode(_configuration);
            _desfire = null;
            _desfireProblem = null;
            if (_mode != CardAuthenticationMode.Off)
            {
                _desfire = DesfireSettingsReader.Read(_configuration, out _desfireProblem);
                if (_check == null)
                {
                    _desfireProblem = "this board has no random source for authentication challenges";
                }

                if (_desfireProblem != null)
                {
                    _log.Error(LogSource, "card authentication is on but not usable (" + _desfireProblem + "): DESFire cards will be refused");
                }
            }

            _reader.KeepIso14443_4CardSelected = _mode != CardAuthenticationMode.Off && _desfireProblem == null;
        }

        private void PresentUnauthenticated(long nowMs, bool checkedNotDesfire)
        {
            bool unverifiedDesfire = _reader.IsIso14443_4Compliant && !checkedNotDesfire;
            if (_mode == CardAuthenticationMode.Required)
            {
                Refuse(unverifiedDesfire ? "card authentication is not usable: " + _desfireProblem : "not a DESFire card and card authentication is required", nowMs);
                return;
            }

            if (_mode == CardAuthenticationMode.Optional && unverifiedDesfire)
            {
                Refuse("a DESFire card cannot be authenticated: " + _desfireProblem, nowMs);
                return;
            }

            if (_reader.UidLength == 4 && _reader.Uid[0] == RandomUidFirstByte)
            {
                // CHY-05: a random UID changes at every tap; as an idTag it would match nothing, or by chance another card.
                Refuse("random UID (08...): the card hides its UID; enable card authentication to read the real one", nowMs);
                return;
            }

            Present(_formatter.Format(_reader.Uid, 0, _reader.UidLength, _format), nowMs);
        }

        private void StartCheck(long nowMs)
        {
            _check.Start(_desfire, _reader.Uid, _reader.UidLength, nowMs);
            TickCheck(nowMs);
        }

        private void TickCheck(long nowMs)
        {
            _check.Tick(nowMs);
            if (_check.IsRunning)
            {
                // Keep the debouncer's view of the card fresh: the check may take longer than its removal time.
                _debouncer.CardSeen(_reader.Uid, 0, _reader.UidLength, nowMs);
                return;
            }

            _reader.ReleaseCard(_check.Deselected, nowMs);
            DesfireSessionResult result = _check.Result;
            if (result == DesfireSessionResult.Authenticated)
            {
                PresentAuthenticated(nowMs);
                return;
            }

            if (result == DesfireSessionResult.NotDesfire)
            {
                // An ISO 14443-4 card of another kind (a bank card, a phone): its UID in Optional mode, refused in Required.
                PresentUnauthenticated(nowMs, true);
                return;
            }

            if (result == DesfireSessionResult.CommunicationError || result == DesfireSessionResult.Timeout || result == DesfireSessionResult.ProtocolError)
            {
                // Taken away too early or poorly coupled: not a verdict on the card. Once it has been out of the field for
                // the debounce time, presenting it again selects and checks it again.
                _log.Warning(LogSource, "card read interrupted (" + DescribeResult() + "); present the card again");
                return;
            }

            Refuse(DescribeResult(), nowMs);
        }

        private void PresentAuthenticated(long nowMs)
        {
            DesfireCardSession session = _check.Session;
            bool randomUid = _reader.UidLength == 4 && _reader.Uid[0] == RandomUidFirstByte;
            if (!randomUid && !SameUid(session.CardUid, session.CardUidLength))
            {
                // The authenticated card is not the one that answered anticollision: a relay or an emulator in front of a genuine card.
                Refuse("authenticated UID differs from the anticollision UID", nowMs);
                return;
            }

            AuthenticatedCount++;
            string idTag;
            if (_desfire.FileNumber >= 0)
            {
                idTag = FileIdTag.Parse(session.FileData, session.FileDataLength);
                if (idTag == null)
                {
                    Refuse("the idTag file holds no printable idTag of 1..20 characters", nowMs);
                    return;
                }
            }
            else
            {
                idTag = _formatter.Format(session.CardUid, 0, session.CardUidLength, _format);
            }

            Present(idTag, nowMs);
        }

        private bool SameUid(byte[] uid, int length)
        {
            if (length != _reader.UidLength)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (uid[i] != _reader.Uid[i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Present(string idTag, long nowMs)
        {
            if (idTag == null)
            {
                _log.Warning(LogSource, "card with a " + _reader.UidLength.ToString() + "-byte UID has no idTag in the configured format; ignored");
                return;
            }

            LastIdTag = idTag;
            PresentationCount++;
            if (!_queue.TryPresent(idTag))
            {
                _log.Warning(LogSource, "card " + idTag + " not taken: the presented-card queue is full");
            }
        }

        private void Refuse(string reason, long nowMs)
        {
            RefusalCount++;
            LastRefusal = reason;
            if (_indication != null)
            {
                _indication.CardRejectedUntilMs = nowMs + CardRefusedDisplayMs;
            }

            _log.Warning(LogSource, "card " + _formatter.Format(_reader.Uid, 0, _reader.UidLength, LogUidFormat) + " refused: " + reason);
        }

        private string DescribeResult()
        {
            string text = "DESFire " + ResultName(_check.Result);
            if (_check.StatusCode >= 0)
            {
                text += ", card status " + DesfireStatusText.Describe((byte)_check.StatusCode);
            }

            return text;
        }

        private static string ResultName(DesfireSessionResult result)
        {
            switch (result)
            {
                case DesfireSessionResult.NotDesfire: return "not a DESFire card";
                case DesfireSessionResult.ApplicationNotFound: return "application not on the card";
                case DesfireSessionResult.AuthenticationFailed: return "authentication failed (wrong key: a copy or a card of another network)";
                case DesfireSessionResult.IntegrityError: return "integrity error (MAC/CRC of the card's answer wrong)";
                case DesfireSessionResult.PermissionDenied: return "permission denied for the configured key";
                case DesfireSessionResult.FileNotFound: return "idTag file not on the card";
                case DesfireSessionResult.BoundaryError: return "idTag field beyond the end of the file";
                case DesfireSessionResult.UidUnavailable: return "real UID unavailable for key diversification";
                case DesfireSessionResult.CommunicationError: return "communication error";
                case DesfireSessionResult.ProtocolError: return "protocol error";
                case DesfireSessionResult.Timeout: return "timeout";
                case DesfireSessionResult.InvalidSettings: return "invalid settings";
                default: return "card error";
            }
        }
    }
}
