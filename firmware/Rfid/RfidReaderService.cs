using Wallbox.Drivers.Mfrc522;
using Wallbox.Firmware.Authorization;
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
    /// <see cref="PresentedIdTagQueue"/>, and publishes reader failure as OCPP ReaderFailure. A card whose UID gives no
    /// valid idTag (a 10-byte UID in decimal form) is logged and ignored. DESFire authentication comes in a later step.
    /// </summary>
    public sealed class RfidReaderService : ITickable
    {
        private const string LogSource = "rfid";

        private readonly Iso14443TypeAReader _reader;
        private readonly PresentedIdTagQueue _queue;
        private readonly ConfigurationStore _configuration;
        private readonly PeripheralHealth _health;
        private readonly Logger _log;
        private readonly CardPresenceDebouncer _debouncer = new CardPresenceDebouncer();
        private readonly ReaderHealth _readerHealth = new ReaderHealth();
        private readonly IdTagFormatter _formatter = new IdTagFormatter();
        private IdTagFormat _format;
        private int _appliedChangeCount = -1;
        private bool _failureLogged;

        /// <summary>Creates the service for the MFRC522 on <paramref name="spi"/>.</summary>
        public RfidReaderService(ISpiDevice spi, PresentedIdTagQueue queue, ConfigurationStore configuration, PeripheralHealth health, Logger log)
        {
            _reader = new Iso14443TypeAReader(new Mfrc522(spi, Mfrc522RxGain.Gain48dB));
            _queue = queue;
            _configuration = configuration;
            _health = health;
            _log = log;
        }

        /// <summary>The ISO 14443-3 reader (UID, SAK, statistics).</summary>
        public Iso14443TypeAReader Reader
        {
            get { return _reader; }
        }

        /// <summary>The idTag of the last presentation (web page diagnostics, WBX-15c), or null.</summary>
        public string LastIdTag { get; private set; }

        /// <summary>Presentations handed to the authorisation logic since boot.</summary>
        public int PresentationCount { get; private set; }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (!_configuration.IsLoaded)
            {
                return;
            }

            if (_configuration.ChangeCount != _appliedChangeCount)
            {
                _appliedChangeCount = _configuration.ChangeCount;
                _format = RfidConfigKeys.Format(_configuration);
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

            if (!_reader.CardPresent || !_debouncer.CardSeen(_reader.Uid, 0, _reader.UidLength, nowMs))
            {
                return;
            }

            string idTag = _formatter.Format(_reader.Uid, 0, _reader.UidLength, _format);
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
    }
}
