using System;
using Wallbox.Drivers.IsoDep;
using Wallbox.Hal;

namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// What the reader does with a MIFARE DESFire EV1 card during one presentation, non-blocking: GetVersion (is it a
    /// DESFire?), SelectApplication, mutual authentication with the configured (optionally AN10922-diversified) key,
    /// then optionally GetCardUID (the real UID of a random-UID card) and ReadData of a file, every response checked
    /// (CMAC/MAC/CRC) under the session key. A clone that copies the UID but not the key fails at the authentication.
    /// </summary>
    /// <remarks>
    /// <para>Driving: <see cref="Start"/> once the card is activated (ISO-DEP link up), then <see cref="Tick"/> every loop
    /// pass until <see cref="State"/> is no longer <see cref="DesfireSessionState.Running"/>. Each tick polls the link
    /// once and, when a response is complete, does the (short) crypto of one step and starts the next command. Time
    /// comes only from <c>nowMs</c>; the whole session fails with <see cref="DesfireSessionResult.Timeout"/> at its
    /// deadline (<see cref="DesfireSessionSettings.DeadlineMs"/>).</para>
    /// <para>Memory: all buffers and cipher states are allocated in the constructor; a session allocates nothing.</para>
    /// <para>Secrets: the key, RndA and the session key are wiped when the session ends; nothing here logs, and results
    /// and status codes never carry key material.</para>
    /// </remarks>
    public sealed class DesfireCardSession
    {
        /// <summary>Largest response the session accepts (file data plus MAC or CRC and padding).</summary>
        public const int ResponseCapacity = DesfireSessionSettings.MaxFileLength + 32;

        private const int VersionLength = 28;
        private const int VersionUidOffset = 14;
        private const byte VendorNxp = 0x04;
        private const byte TypeDesfire = 0x01;
        private const int CardUidLengthFromCard = 7;

        private readonly IRandomSource _random;
        private readonly DesfireFrameExchange _frames;
        private readonly DesfireAuthentication _authentication = new DesfireAuthentication();
        private readonly DesfireSecureMessaging _secureMessaging = new DesfireSecureMessaging(ResponseCapacity);
        private readonly An10922KeyDiversification _diversification = new An10922KeyDiversification();
        private readonly byte[] _command = new byte[1 + 2 * DesfireAuthentication.MaxRandomLength];
        private readonly byte[] _key = new byte[24];
        private readonly byte[] _rndA = new byte[DesfireAuthentication.MaxRandomLength];
        private readonly byte[] _diversificationInput = new byte[An10922KeyDiversification.MaxInputLength];
        private readonly byte[] _anticollisionUid = new byte[10];
        private readonly byte[] _versionUid = new byte[7];
        private readonly byte[] _cardUid = new byte[10];
        private readonly byte[] _fileData = new byte[DesfireSessionSettings.MaxFileLength];
        private DesfireSessionSettings _settings;
        private Step _step;
        private int _anticollisionUidLength;
        private long _deadlineMs;

        /// <summary>Creates a session over <paramref name="link"/> taking RndA from <paramref name="random"/>.</summary>
        public DesfireCardSession(IApduExchange link, IRandomSource random)
        {
            if (random == null)
            {
                throw new ArgumentNullException("random");
            }

            _random = random;
            _frames = new DesfireFrameExchange(link, ResponseCapacity);
            State = DesfireSessionState.Idle;
            StatusCode = -1;
        }

        private enum Step
        {
            GetVersion,
            SelectApplication,
            AuthenticateChallenge,
            AuthenticateProof,
            GetCardUid,
            ReadData,
        }

        /// <summary>Where the session stands.</summary>
        public DesfireSessionState State { get; private set; }

        /// <summary>The outcome once the session ended.</summary>
        public DesfireSessionResult Result { get; private set; }

        /// <summary>The DESFire status byte of the command that failed (see <see cref="DesfireStatusText"/>), or -1.</summary>
        public int StatusCode { get; private set; }

        /// <summary>
        /// The card's UID: from GetCardUID (authenticated, 7 bytes) when configured or when the anticollision UID was
        /// random, else the anticollision UID. Valid after success.
        /// </summary>
        public byte[] CardUid
        {
            get { return _cardUid; }
        }

        /// <summary>Valid bytes of <see cref="CardUid"/> (0 unless succeeded).</summary>
        public int CardUidLength { get; private set; }

        /// <summary>True when <see cref="CardUid"/> came from the authenticated GetCardUID.</summary>
        public bool CardUidFromCard { get; private set; }

        /// <summary>The file content read (when a file is configured). Valid after success.</summary>
        public byte[] FileData
        {
            get { return _fileData; }
        }

        /// <summary>Valid bytes of <see cref="FileData"/>.</summary>
        public int FileDataLength { get; private set; }

        /// <summary>
        /// Starts a session with the card whose anticollision UID is <paramref name="anticollisionUid"/>
        /// (<paramref name="uidLength"/> bytes: 4, 7 or 10). Invalid settings end it at once with
        /// <see cref="DesfireSessionResult.InvalidSettings"/>.
        /// </summary>
        public void Start(DesfireSessionSettings settings, byte[] anticollisionUid, int uidLength, long nowMs)
        {
            ClearResults();
            State = DesfireSessionState.Running;
            _settings = settings;
            if (settings == null || settings.Validate() != null)
            {
                Finish(DesfireSessionResult.InvalidSettings);
                return;
            }

            if (anticollisionUid == null || uidLength < 0 || uidLength > _anticollisionUid.Length || uidLength > anticollisionUid.Length)
            {
                Finish(DesfireSessionResult.InvalidSettings);
                return;
            }

            Array.Copy(anticollisionUid, 0, _anticollisionUid, 0, uidLength);
            _anticollisionUidLength = uidLength;
            _deadlineMs = nowMs + settings.DeadlineMs;
            _command[0] = DesfireCommandCode.GetVersion;
            Send(Step.GetVersion, 1, true, nowMs);
        }

        /// <summary>Advances the session by one step.</summary>
        public void Tick(long nowMs)
        {
            if (State != DesfireSessionState.Running)
            {
                return;
            }

            if (nowMs - _deadlineMs >= 0)
            {
                Finish(DesfireSessionResult.Timeout);
                return;
            }

            ApduExchangeStatus status = _frames.Poll(nowMs);
            if (status == ApduExchangeStatus.Busy)
            {
                return;
            }

            if (status != ApduExchangeStatus.Done)
            {
                Finish(DesfireSessionResult.CommunicationError);
                return;
            }

            OnResponse(nowMs);
        }

        /// <summary>Ends a running session (card removed) and wipes its secrets; the result stays as it was.</summary>
        public void Abort()
        {
            if (State == DesfireSessionState.Running)
            {
                Finish(DesfireSessionResult.CommunicationError);
            }

            WipeSecrets();
        }

        private void OnResponse(long nowMs)
        {
            int status = _frames.Status;
            byte[] data = _frames.Data;
            int length = _frames.DataLength;
            switch (_step)
            {
                case Step.GetVersion:
                    if (status != (int)DesfireStatus.OperationOk || length < VersionLength
                        || data[0] != VendorNxp || data[1] != TypeDesfire)
                    {
                        StatusCode = status;
                        Finish(DesfireSessionResult.NotDesfire);
                        return;
                    }

                    Array.Copy(data, VersionUidOffset, _versionUid, 0, _versionUid.Length);
                    int aid = _settings.Aid;
                    _command[0] = DesfireCommandCode.SelectApplication;
                    _command[1] = (byte)aid;
                    _command[2] = (byte)(aid >> 8);
                    _command[3] = (byte)(aid >> 16);
                    Send(Step.SelectApplication, 4, true, nowMs);
                    return;

                case Step.SelectApplication:
                    if (status != (int)DesfireStatus.OperationOk)
                    {
                        FailWithStatus(status);
                        return;
                    }

                    if (!PrepareKey())
                    {
                        return;
                    }

                    int count = _authentication.Begin(_settings.EffectiveAuthenticationCommand, _settings.KeyType, _key, 0, _settings.KeyNumber, _command, 0);
                    Array.Clear(_key, 0, _key.Length);
                    Send(Step.AuthenticateChallenge, count, false, nowMs);
                    return;

                case Step.AuthenticateChallenge:
                    if (status != (int)DesfireStatus.AdditionalFrame)
                    {
                        FailWithStatus(status);
                        return;
                    }

                    _random.NextBytes(_rndA, 0, _authentication.RandomLength);
                    int answer = _authentication.AnswerChallenge(data, 0, length, _rndA, 0, _command, 0);
                    Array.Clear(_rndA, 0, _rndA.Length);
                    if (answer < 0)
                    {
                        Finish(DesfireSessionResult.ProtocolError);
                        return;
                    }

                    Send(Step.AuthenticateProof, answer, false, nowMs);
                    return;

                case Step.AuthenticateProof:
                    if (status != (int)DesfireStatus.OperationOk)
                    {
                        FailWithStatus(status);
                        return;
                    }

                    if (!_authentication.VerifyProof(data, 0, length))
                    {
                        Finish(DesfireSessionResult.AuthenticationFailed);
                        return;
                    }

                    _secureMessaging.Begin(_authentication.Scheme, _authentication.SessionKeyType, _authentication.SessionKey);
                    _authentication.Wipe();
                    NextAfterAuthentication(nowMs);
                    return;

                case Step.GetCardUid:
                    if (status != (int)DesfireStatus.OperationOk)
                    {
                        FailWithStatus(status);
                        return;
                    }

                    if (_secureMessaging.Decipher(data, 0, length, status, CardUidLengthFromCard) != CardUidLengthFromCard)
                    {
                        Finish(DesfireSessionResult.IntegrityError);
                        return;
                    }

                    Array.Copy(data, 0, _cardUid, 0, CardUidLengthFromCard);
                    CardUidLength = CardUidLengthFromCard;
                    CardUidFromCard = true;
                    NextAfterCardUid(nowMs);
                    return;

                case Step.ReadData:
                    if (status != (int)DesfireStatus.OperationOk)
                    {
                        FailWithStatus(status);
                        return;
                    }

                    int expected = _settings.FileLength;
                    int plain;
                    switch (_settings.FileCommunicationMode)
                    {
                        case DesfireCommunicationMode.Enciphered:
                            plain = _secureMessaging.Decipher(data, 0, length, status, expected);
                            break;
                        case DesfireCommunicationMode.Maced:
                            plain = _secureMessaging.VerifyMac(data, 0, length, status, true);
                            break;
                        default:
                            plain = _secureMessaging.VerifyMac(data, 0, length, status, false);
                            break;
                    }

                    if (plain < 0)
                    {
                        Finish(DesfireSessionResult.IntegrityError);
                        return;
                    }

                    if (plain != expected)
                    {
                        Finish(DesfireSessionResult.ProtocolError);
                        return;
                    }

                    Array.Copy(data, 0, _fileData, 0, plain);
                    FileDataLength = plain;
                    Finish(DesfireSessionResult.Authenticated);
                    return;
            }
        }

        private void NextAfterAuthentication(long nowMs)
        {
            bool randomUid = _anticollisionUidLength == 4 && _anticollisionUid[0] == 0x08;
            if (_settings.ReadCardUid || randomUid)
            {
                _command[0] = DesfireCommandCode.GetCardUid;
                Send(Step.GetCardUid, 1, true, nowMs);
                return;
            }

            Array.Copy(_anticollisionUid, 0, _cardUid, 0, _anticollisionUidLength);
            CardUidLength = _anticollisionUidLength;
            NextAfterCardUid(nowMs);
        }

        private void NextAfterCardUid(long nowMs)
        {
            if (_settings.FileNumber < 0)
            {
                Finish(DesfireSessionResult.Authenticated);
                return;
            }

            int offset = _settings.FileOffset;
            int length = _settings.FileLength;
            _command[0] = DesfireCommandCode.ReadData;
            _command[1] = (byte)_settings.FileNumber;
            _command[2] = (byte)offset;
            _command[3] = (byte)(offset >> 8);
            _command[4] = (byte)(offset >> 16);
            _command[5] = (byte)length;
            _command[6] = (byte)(length >> 8);
            _command[7] = (byte)(length >> 16);
            Send(Step.ReadData, 8, true, nowMs);
        }

        /// <summary>The card key: the configured key, or its AN10922 diversification for this card's UID.</summary>
        private bool PrepareKey()
        {
            byte[] configured = _settings.Key;
            if (_settings.Diversification != DesfireKeyDiversification.An10922)
            {
                Array.Copy(configured, 0, _key, 0, configured.Length);
                return true;
            }

            // The real UID: the anticollision UID of a 7-byte-UID card, else the UID GetVersion reported (all zero on a
            // random-UID card, whose real UID is only available after authentication, with the key we are deriving).
            byte[] uid = _versionUid;
            if (_anticollisionUidLength == 7)
            {
                uid = _anticollisionUid;
            }
            else if (IsAllZero(_versionUid))
            {
                Finish(DesfireSessionResult.UidUnavailable);
                return false;
            }

            int inputLength = An10922KeyDiversification.BuildInput(uid, 0, 7, _settings.Aid, _settings.SystemIdentifier, _diversificationInput, 0);
            _diversification.Diversify(_settings.KeyType, configured, 0, _diversificationInput, 0, inputLength, _key, 0);
            Array.Clear(_diversificationInput, 0, _diversificationInput.Length);
            return true;
        }

        private void Send(Step step, int count, bool followAdditionalFrames, long nowMs)
        {
            _step = step;
            _secureMessaging.CommandSent(_command, 0, count);
            if (!_frames.Start(_command, 0, count, followAdditionalFrames, nowMs))
            {
                Finish(DesfireSessionResult.CommunicationError);
            }
        }

        private void FailWithStatus(int status)
        {
            StatusCode = status;
            DesfireSessionResult result;
            switch (status)
            {
                case (int)DesfireStatus.ApplicationNotFound: result = DesfireSessionResult.ApplicationNotFound; break;
                case (int)DesfireStatus.AuthenticationError:
                case (int)DesfireStatus.NoSuchKey: result = DesfireSessionResult.AuthenticationFailed; break;
                case (int)DesfireStatus.PermissionDenied: result = DesfireSessionResult.PermissionDenied; break;
                case (int)DesfireStatus.FileNotFound: result = DesfireSessionResult.FileNotFound; break;
                case (int)DesfireStatus.BoundaryError: result = DesfireSessionResult.BoundaryError; break;
                case (int)DesfireStatus.IntegrityError: result = DesfireSessionResult.IntegrityError; break;
                default: result = DesfireSessionResult.CardError; break;
            }

            Finish(result);
        }

        private void Finish(DesfireSessionResult result)
        {
            Result = result;
            State = result == DesfireSessionResult.Authenticated ? DesfireSessionState.Succeeded : DesfireSessionState.Failed;
            if (State == DesfireSessionState.Failed)
            {
                CardUidLength = 0;
                CardUidFromCard = false;
                FileDataLength = 0;
                Array.Clear(_cardUid, 0, _cardUid.Length);
                Array.Clear(_fileData, 0, _fileData.Length);
            }

            WipeSecrets();
        }

        private void WipeSecrets()
        {
            _secureMessaging.End();
            _authentication.Wipe();
            Array.Clear(_key, 0, _key.Length);
            Array.Clear(_rndA, 0, _rndA.Length);
            Array.Clear(_diversificationInput, 0, _diversificationInput.Length);
            Array.Clear(_command, 0, _command.Length);
        }

        private void ClearResults()
        {
            Result = DesfireSessionResult.None;
            StatusCode = -1;
            CardUidLength = 0;
            CardUidFromCard = false;
            FileDataLength = 0;
            _anticollisionUidLength = 0;
            Array.Clear(_versionUid, 0, _versionUid.Length);
        }

        private static bool IsAllZero(byte[] buffer)
        {
            int any = 0;
            for (int i = 0; i < buffer.Length; i++)
            {
                any |= buffer[i];
            }

            return any == 0;
        }
    }
}
