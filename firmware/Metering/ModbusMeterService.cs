using Wallbox.Drivers.Meters;
using Wallbox.Drivers.Modbus;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;

namespace Wallbox.Firmware.Metering
{
    /// <summary>
    /// The MID energy meter on the RS-485 bus (issue 7): polls the configured meter model (a register map,
    /// drivers/Meters) through the Modbus RTU master, one request per tick at most, a cycle every
    /// <see cref="PollIntervalMs"/>; publishes integer readings (Wh, W, mA, mV, mHz) to the OCPP side and the phase
    /// currents to the over-current protection; flags energy that goes backwards or jumps (<see cref="EnergyPlausibility"/>,
    /// never billed); reads the meter's serial number once; and declares the meter failed when no complete cycle has
    /// succeeded for <see cref="FailureAfterMs"/> (CPH-47/58: meter communication loss is a fault, reported as OCPP
    /// PowerMeterFailure).
    /// </summary>
    public sealed class ModbusMeterService : ITickable, IEnergyMeter, IPhaseCurrentSource
    {
        /// <summary>Time between the starts of two poll cycles, ms. Our choice: MeterValues need seconds, over-current the CTs or this.</summary>
        public const int PollIntervalMs = 1000;

        /// <summary>
        /// No complete cycle for this long is a meter failure, ms (CPH-47/58). Our choice: three cycles with their
        /// retries (3 attempts × 500 ms each) plus margin, so a single noisy frame never raises it.
        /// </summary>
        public const int FailureAfterMs = 10000;

        /// <summary>Requests one poll cycle may take at most (the map's registers are grouped into that many).</summary>
        public const int MaxRequestsPerCycle = 8;

        private const string LogSource = "meter";

        private readonly ModbusRtuMaster _master;
        private readonly Logger _log;
        private ChargingController _charging;
        private readonly ModbusRequest _request = new ModbusRequest();
        private readonly MeterReading _staging = new MeterReading();
        private readonly MeterReading _published = new MeterReading();
        private MeterRegisterMap _map;
        private MeterPollPlan _plan;
        private ushort[][] _blocks;
        private EnergyPlausibility _plausibility;
        private byte _slave;
        private int _next;
        private bool _cycleRunning;
        private long _cycleStartMs;
        private long _lastSuccessMs;
        private bool _hasReading;
        private bool _serialPending;
        private long _maxPowerW;
        private byte _lastException;
        private bool _unusableLogged;

        /// <summary>
        /// Creates the service on <paramref name="port"/>; nothing is polled until <see cref="Configure"/>.
        /// <paramref name="charging"/> tells whether a session runs (may be null in tests).
        /// </summary>
        public ModbusMeterService(ISerialPort port, IMonotonicClock clock, ChargingController charging, Logger log)
        {
            _master = new ModbusRtuMaster(port, clock);
            _charging = charging;
            _log = log;
        }

        /// <summary>The Modbus master (statistics).</summary>
        public ModbusRtuMaster Master
        {
            get { return _master; }
        }

        /// <summary>The configured meter model, or null when none.</summary>
        public MeterRegisterMap Model
        {
            get { return _map; }
        }

        /// <summary>The meter's serial number, or null until read (or when the model does not expose it).</summary>
        public string SerialNumber { get; private set; }

        /// <summary>True when no complete poll cycle succeeded for <see cref="FailureAfterMs"/> (CPH-47/58).</summary>
        public bool IsFailed { get; private set; }

        /// <summary>Complete poll cycles since configuration.</summary>
        public int CycleCount { get; private set; }

        /// <summary>Requests that ended without an answer (timeout after retries) or with an exception.</summary>
        public int FailedRequestCount { get; private set; }

        /// <summary>The energy guard (refused readings, the reason).</summary>
        public EnergyPlausibility Plausibility
        {
            get { return _plausibility; }
        }

        /// <summary>The charging controller (set after it is built: it takes this service as its current source).</summary>
        public ChargingController Charging
        {
            set { _charging = value; }
        }

        /// <summary>True while a session runs: the energy guard then never re-baselines.</summary>
        public bool TransactionRunning
        {
            get { return _charging != null && _charging.Session == SessionPhase.Active; }
        }

        /// <summary>
        /// Polls <paramref name="map"/> at <paramref name="slaveAddress"/> with <paramref name="settings"/>, or stops
        /// polling when <paramref name="map"/> is null. <paramref name="maxPowerW"/> bounds a plausible energy increase.
        /// Returns false (and polls nothing) when the port refuses the settings or the map cannot be planned.
        /// </summary>
        public bool Configure(MeterRegisterMap map, byte slaveAddress, SerialSettings settings, long maxPowerW, long nowMs)
        {
            _master.Close();
            _map = null;
            _hasReading = false;
            IsFailed = false;
            SerialNumber = null;
            if (map == null)
            {
                return true;
            }

            MeterPollPlan plan = map.PlanPolls(MaxRequestsPerCycle, false);
            if (plan == null || !_master.Open(settings))
            {
                _log.Error(LogSource, "meter " + map.Name + " not polled: " + (plan == null ? "its registers need more than " + MaxRequestsPerCycle.ToString() + " requests" : "the serial port refused the settings"));
                return false;
            }

            _map = map;
            _plan = plan;
            _slave = slaveAddress;
            _maxPowerW = maxPowerW;
            _blocks = new ushort[plan.Requests.Length][];
            for (int i = 0; i < _blocks.Length; i++)
            {
                _blocks[i] = new ushort[plan.Requests[i].Count];
            }

            _plausibility = new EnergyPlausibility(maxPowerW * 3 / 2, map.EnergyResolutionWh);
            _serialPending = map.IndexOf(MeterQuantity.SerialNumber) >= 0;
            _cycleRunning = false;
            _cycleStartMs = nowMs - PollIntervalMs;
            _lastSuccessMs = nowMs;
            _log.Info(LogSource, "polling " + map.Name + " at slave " + slaveAddress.ToString() + ", " + settings.BaudRate.ToString() + " baud, " + plan.Requests.Length.ToString() + " request(s) per cycle");
            return true;
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (_map == null)
            {
                return;
            }

            _master.Tick(nowMs);
            if (_request.IsFinished)
            {
                OnAnswer(nowMs);
            }

            if (!_master.IsBusy && !_request.IsFinished && _request.State == ModbusRequestState.Idle)
            {
                if (_serialPending && !_cycleRunning)
                {
                    SubmitSerialNumber();
                }
                else if (_cycleRunning)
                {
                    Submit(_next);
                }
                else if (nowMs - _cycleStartMs >= PollIntervalMs)
                {
                    _cycleRunning = true;
                    _cycleStartMs = nowMs;
                    _next = 0;
                    Submit(0);
                }
            }

            if (!IsFailed && nowMs - _lastSuccessMs >= FailureAfterMs)
            {
                IsFailed = true;
                _log.Error(LogSource, "no answer from the meter for " + (FailureAfterMs / 1000).ToString() + " s: meter failure (CPH-47/58)");
            }
        }

        /// <inheritdoc />
        public bool TryGetReading(long nowMs, int maxAgeMs, MeterReading into)
        {
            if (!_hasReading || IsFailed || nowMs - _published.TakenAtMs > maxAgeMs)
            {
                return false;
            }

            into.CopyFrom(_published);
            return true;
        }

        /// <inheritdoc />
        public bool TryGetMaxPhaseCurrentMa(long nowMs, int maxAgeMs, out int currentMa)
        {
            currentMa = 0;
            if (!_hasReading || IsFailed || nowMs - _published.TakenAtMs > maxAgeMs)
            {
                return false;
            }

            for (int i = 0; i < _published.PhaseCount; i++)
            {
                if (_published.CurrentMa[i] > currentMa)
                {
                    currentMa = _published.CurrentMa[i];
                }
            }

            return true;
        }

        private void Submit(int index)
        {
            MeterPollRequest poll = _plan.Requests[index];
            _request.SlaveAddress = _slave;
            _request.Function = poll.FunctionCode == MeterRegister.ReadInputRegisters ? ModbusFunction.ReadInputRegisters : ModbusFunction.ReadHoldingRegisters;
            _request.Address = poll.StartAddress;
            _request.Count = poll.Count;
            _master.TrySubmit(_request);
        }

        private void SubmitSerialNumber()
        {
            MeterRegister register = _map.Find(MeterQuantity.SerialNumber);
            _request.SlaveAddress = _slave;
            _request.Function = register.FunctionCode == MeterRegister.ReadInputRegisters ? ModbusFunction.ReadInputRegisters : ModbusFunction.ReadHoldingRegisters;
            _request.Address = register.Address;
            _request.Count = register.RegisterCount;
            _master.TrySubmit(_request);
        }

        private void OnAnswer(long nowMs)
        {
            ModbusRequestState state = _request.State;
            byte exception = _request.ExceptionCode;
            bool serial = !_cycleRunning;
            if (state != ModbusRequestState.Completed)
            {
                FailedRequestCount++;
                if (state == ModbusRequestState.Exception && exception != _lastException)
                {
                    _log.Warning(LogSource, "meter answered exception " + exception.ToString() + ": " + ModbusExceptionCodes.Meaning(exception));
                }

                _lastException = exception;
                _request.Acknowledge();
                if (serial)
                {
                    // A model that refuses its serial-number register is still a meter: identity stays unknown.
                    _serialPending = state != ModbusRequestState.Exception;
                    return;
                }

                _cycleRunning = false;
                return;
            }

            if (serial)
            {
                long value;
                MeterRegister register = _map.Find(MeterQuantity.SerialNumber);
                if (MeterDecoder.TryDecode(register, _request.Registers, 0, out value))
                {
                    SerialNumber = value.ToString();
                    _log.Info(LogSource, _map.Name + " serial number " + SerialNumber);
                }

                _serialPending = false;
                _request.Acknowledge();
                return;
            }

            System.Array.Copy(_request.Registers, 0, _blocks[_next], 0, _blocks[_next].Length);
            _request.Acknowledge();
            _next++;
            if (_next < _blocks.Length)
            {
                return;
            }

            _cycleRunning = false;
            if (Decode(nowMs))
            {
                _lastSuccessMs = nowMs;
                CycleCount++;
                if (IsFailed)
                {
                    IsFailed = false;
                    _log.Info(LogSource, "meter answers again");
                }
            }
        }

        private bool Decode(long nowMs)
        {
            _staging.PhaseCount = _map.PhaseCount;
            long energy = _published.EnergyImportWh;
            bool energyRead = false;
            for (int i = 0; i < _map.Registers.Length; i++)
            {
                MeterRegister register = _map.Registers[i];
                int requestIndex;
                int offset;
                long value;
                if (!_plan.TryLocate(i, out requestIndex, out offset))
                {
                    continue;
                }

                if (!MeterDecoder.TryDecode(register, _blocks[requestIndex], offset, out value))
                {
                    // NaN, infinity or out of range: this cycle is not trusted (logged once until a good cycle).
                    if (!_unusableLogged)
                    {
                        _unusableLogged = true;
                        _log.Warning(LogSource, _map.Name + ": unusable value in the register at " + register.Address.ToString());
                    }

                    return false;
                }

                switch (register.Quantity)
                {
                    case MeterQuantity.EnergyImport:
                        energy = value;
                        energyRead = true;
                        break;
                    case MeterQuantity.PowerTotal:
                        _staging.PowerW = Clamp(value);
                        break;
                    case MeterQuantity.CurrentL1:
                    case MeterQuantity.CurrentL2:
                    case MeterQuantity.CurrentL3:
                        _staging.CurrentMa[register.Quantity - MeterQuantity.CurrentL1] = Clamp(value);
                        break;
                    case MeterQuantity.VoltageL1:
                    case MeterQuantity.VoltageL2:
                    case MeterQuantity.VoltageL3:
                        _staging.VoltageMv[register.Quantity - MeterQuantity.VoltageL1] = Clamp(value);
                        break;
                    case MeterQuantity.Frequency:
                        _staging.FrequencyMilliHz = Clamp(value);
                        break;
                }
            }

            if (!energyRead)
            {
                return false;
            }

            _unusableLogged = false;
            _lastException = 0;
            bool firstAfterBoot = !_plausibility.HasAccepted;
            if (!_plausibility.Check(energy, nowMs, TransactionRunning))
            {
                if (_plausibility.RefusedCount == 1 || _plausibility.RefusedCount % 100 == 0)
                {
                    _log.Error(LogSource, _plausibility.Problem + ": not billed (" + _plausibility.RefusedCount.ToString() + " refused)");
                }
            }

            _staging.EnergyImportWh = _plausibility.AcceptedWh;
            _staging.TakenAtMs = nowMs;
            _published.CopyFrom(_staging);
            _hasReading = true;
            if (firstAfterBoot)
            {
                _log.Info(LogSource, _map.Name + " register at " + energy.ToString() + " Wh");
            }

            return true;
        }

        private static int Clamp(long value)
        {
            return value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;
        }
    }
}
