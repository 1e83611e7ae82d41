using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Wallbox.Hal.Simulation;

/// <summary>Why a <see cref="HostSerialPort"/> is not open (any more).</summary>
public enum HostSerialPortCloseReason
{
    /// <summary>Never opened, or open.</summary>
    None = 0,

    /// <summary><see cref="HostSerialPort.Close"/> (or a reopen, or Dispose).</summary>
    ClosedLocally = 1,

    /// <summary>
    /// The line went away: poll() reported hang-up, or read() end of file or EIO (the other end of a pseudo-terminal
    /// closed, e.g. socat exited; a USB adapter unplugged).
    /// </summary>
    HungUp = 2,

    /// <summary>read() or write() failed otherwise (<see cref="HostSerialPort.LastErrno"/>).</summary>
    IoError = 3,
}

/// <summary>
/// A serial port of the Linux host (a USB RS-485 adapter, or one end of a socat pseudo-terminal pair in the tests),
/// through libc: the firmware's Modbus master talking to a real line. System.IO.Ports is not used (it is not available
/// on these machines, and it keeps termios settings across opens).
/// </summary>
/// <remarks>
/// <para>Open: <c>open(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)</c>, then the whole mode is set at every open,
/// nothing inherited (terminal settings persist across opens): <c>cfmakeraw</c>, 5–8 data bits, parity off / even /
/// odd with input parity checking (INPCK, so a character with a parity or framing error reads as NUL, the Linux tty
/// default without IGNPAR/PARMRK), 1 or 2 stop bits, CLOCAL | CREAD, no flow control, the speed both ways, VMIN 1
/// VTIME 0; <c>tcsetattr(TCSANOW)</c>, then <c>tcflush(TCIOFLUSH)</c> drops what was waiting. The speed is read
/// back: a baud rate the driver refused fails the open. Linux pseudo-terminals keep the speed, CSTOPB, PARODD and
/// INPCK as set but clear PARENB and force CS8 (pty_set_termios), so the parity of a pty is visible only through
/// INPCK and PARODD (<see cref="TryReadLineSettings"/> reads it that way).</para>
/// <para>Threads: one background reader thread per open session waits in <c>poll()</c> on the device and an eventfd
/// (its wake-up), moves arriving bytes into the bounded receive buffer (<see cref="ReceiveBufferCapacity"/>; bytes that
/// do not fit are dropped and counted, like a UART FIFO overrun) and stamps <see cref="LastReceiveUs"/> with the
/// clock given to the constructor (it must be safe to read from that thread: <see cref="HostMonotonicClock"/>). The
/// loop-facing members only take a short lock and never wait for I/O.</para>
/// <para>Write: <c>write()</c> at once from the caller's thread; what the kernel does not take now (its buffer is
/// full) is queued, up to <see cref="TransmitBufferCapacity"/> bytes, and written by the reader thread when poll()
/// reports POLLOUT. <see cref="IsTransmitting"/> is true while such bytes wait; a pty has no shift register, so it
/// does not wait for tcdrain. Write refuses (returning false, sending nothing) a frame that does not fit.</para>
/// <para>Hang-up: POLLHUP / POLLERR, a read() of 0 bytes or EIO — the other end is gone — closes the port: it is no
/// longer <see cref="IsOpen"/>, <see cref="LastCloseReason"/> says <see cref="HostSerialPortCloseReason.HungUp"/>, and
/// <see cref="Write"/> refuses, so a master sees a dead line as a closed port and never as a slave that does not
/// answer. Bytes received before the hang-up stay readable until the next <see cref="Open"/> or <see cref="Close"/>.</para>
/// <para>Linux, glibc, 64-bit (x86_64 and aarch64 share the termios layout used here).</para>
/// </remarks>
public sealed class HostSerialPort : ISerialPort, IDisposable
{
    /// <summary>Default receive buffer, bytes (a Modbus RTU frame is at most 256).</summary>
    public const int DefaultReceiveBufferCapacity = 512;

    /// <summary>Default transmit buffer, bytes.</summary>
    public const int DefaultTransmitBufferCapacity = 512;

    private const int IoChunkBytes = 512;

    private readonly object _gate = new object();
    private readonly IMonotonicClock _clock;
    private readonly ByteRing _receive;
    private readonly ByteRing _transmit;

    // Guarded by _gate.
    private Session _session;
    private HostSerialPortCloseReason _lastCloseReason;
    private int _lastErrno;
    private int _overflowCount;
    private long _lastReceiveUs;
    private long _receivedCount;
    private long _transmittedCount;
    private bool _open;
    private bool _disposed;

    /// <summary>Creates a closed port on the device <paramref name="devicePath"/> (e.g. /dev/ttyUSB0, or a socat link).</summary>
    /// <param name="devicePath">The serial device.</param>
    /// <param name="clock">Time base of <see cref="LastReceiveUs"/>; read from the reader thread.</param>
    /// <param name="receiveBufferCapacity">Receive buffer, bytes.</param>
    /// <param name="transmitBufferCapacity">Transmit buffer (bytes the kernel has not taken yet), bytes.</param>
    public HostSerialPort(string devicePath, IMonotonicClock clock, int receiveBufferCapacity = DefaultReceiveBufferCapacity,
        int transmitBufferCapacity = DefaultTransmitBufferCapacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        ArgumentNullException.ThrowIfNull(clock);
        DevicePath = devicePath;
        _clock = clock;
        _receive = new ByteRing(receiveBufferCapacity);
        _transmit = new ByteRing(transmitBufferCapacity);
    }

    /// <summary>The device this port opens.</summary>
    public string DevicePath { get; }

    /// <inheritdoc />
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <inheritdoc />
    public SerialSettings Settings { get; private set; }

    /// <inheritdoc />
    public int ReceiveBufferCapacity => _receive.Capacity;

    /// <summary>Transmit buffer, bytes: the largest frame <see cref="Write"/> accepts.</summary>
    public int TransmitBufferCapacity => _transmit.Capacity;

    /// <inheritdoc />
    public int BytesToRead
    {
        get
        {
            lock (_gate)
            {
                return _receive.Count;
            }
        }
    }

    /// <inheritdoc />
    public int ReceiveOverflowCount
    {
        get
        {
            lock (_gate)
            {
                return _overflowCount;
            }
        }
    }

    /// <inheritdoc />
    public long LastReceiveUs
    {
        get
        {
            lock (_gate)
            {
                return _lastReceiveUs;
            }
        }
    }

    /// <inheritdoc />
    public bool IsTransmitting
    {
        get
        {
            lock (_gate)
            {
                return _open && _transmit.Count > 0;
            }
        }
    }

    /// <summary>Why the port is not open: <see cref="HostSerialPortCloseReason.HungUp"/> when the line went away.</summary>
    public HostSerialPortCloseReason LastCloseReason
    {
        get
        {
            lock (_gate)
            {
                return _lastCloseReason;
            }
        }
    }

    /// <summary>errno of the last failed open, configuration, read or write (0: none since the last open).</summary>
    public int LastErrno
    {
        get
        {
            lock (_gate)
            {
                return _lastErrno;
            }
        }
    }

    /// <summary>Bytes received since the last open (dropped ones included).</summary>
    public long ReceivedCount
    {
        get
        {
            lock (_gate)
            {
                return _receivedCount;
            }
        }
    }

    /// <summary>Bytes handed to the kernel since the last open.</summary>
    public long TransmittedCount
    {
        get
        {
            lock (_gate)
            {
                return _transmittedCount;
            }
        }
    }

    /// <inheritdoc />
    public bool Open(SerialSettings settings)
    {
        Close();
        if (!TryGetSpeed(settings.BaudRate, out uint speed) || settings.DataBits < 5 || settings.DataBits > 8
            || (settings.StopBits != SerialStopBits.One && settings.StopBits != SerialStopBits.Two)
            || (settings.Parity != SerialParity.None && settings.Parity != SerialParity.Even && settings.Parity != SerialParity.Odd))
        {
            return false;
        }

        int fd = Native.open(DevicePath, Native.O_RDWR | Native.O_NOCTTY | Native.O_NONBLOCK | Native.O_CLOEXEC);
        if (fd < 0)
        {
            RecordErrno(Marshal.GetLastPInvokeError());
            return false;
        }

        int wakeFd = -1;
        if (!Configure(fd, settings, speed, out int errno)
            || (wakeFd = Native.eventfd(0, Native.EFD_CLOEXEC | Native.EFD_NONBLOCK)) < 0)
        {
            errno = errno != 0 ? errno : Marshal.GetLastPInvokeError();
            Native.close(fd);
            RecordErrno(errno);
            return false;
        }

        Session session = new Session(fd, wakeFd);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _receive.Clear();
            _transmit.Clear();
            _overflowCount = 0;
            _lastReceiveUs = 0;
            _receivedCount = 0;
            _transmittedCount = 0;
            _lastErrno = 0;
            _lastCloseReason = HostSerialPortCloseReason.None;
            Settings = settings;
            _session = session;
            _open = true;
        }

        session.Thread = new Thread(() => Run(session))
        {
            IsBackground = true,
            Name = "HostSerialPort " + DevicePath,
        };
        session.Thread.Start();
        return true;
    }

    /// <inheritdoc />
    public void Close()
    {
        Session session;
        lock (_gate)
        {
            session = _session;
            if (session == null)
            {
                return;
            }

            _session = null;
            if (_open)
            {
                _open = false;
                _lastCloseReason = HostSerialPortCloseReason.ClosedLocally;
            }

            session.StopRequested = true;
            _receive.Clear();
            _transmit.Clear();
            Monitor.PulseAll(_gate);
        }

        Wake(session);
        session.Thread?.Join();
        Native.close(session.Fd);
        Native.close(session.WakeFd);
    }

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        lock (_gate)
        {
            return _receive.Read(buffer, offset, count);
        }
    }

    /// <inheritdoc />
    public void DiscardReceiveBuffer()
    {
        lock (_gate)
        {
            _receive.Clear();
        }
    }

    /// <inheritdoc />
    public bool Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            return false;
        }

        Session session;
        lock (_gate)
        {
            session = _session;
            if (!_open || session == null || count > _transmit.Free)
            {
                return false;
            }

            if (count == 0)
            {
                return true;
            }

            int written = 0;
            if (_transmit.Count == 0)
            {
                // Nothing queued before us: the kernel may take the frame at once (always, on a pty with a reader).
                nint n = Native.write(session.Fd, ref buffer[offset], count);
                if (n < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno != Native.EAGAIN && errno != Native.EINTR)
                    {
                        // A dead line (EIO after a hang-up): nothing sent; the reader thread reports the hang-up.
                        _lastErrno = errno;
                        return false;
                    }
                }
                else
                {
                    written = (int)n;
                }
            }

            _transmittedCount += written;
            if (written == count)
            {
                return true;
            }

            _transmit.Write(buffer, offset + written, count - written);
        }

        // The reader thread now also waits for POLLOUT.
        Wake(session);
        return true;
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> until more than <paramref name="afterReceivedCount"/> bytes have been
    /// received since the open (compare <see cref="ReceivedCount"/>), or the port is not open (a hang-up, a close);
    /// returns whether one of them is the case. For real-time tests that tick a master when bytes arrive instead of
    /// sleeping.
    /// </summary>
    public bool WaitForReceive(long afterReceivedCount, int timeoutMs)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        lock (_gate)
        {
            while (_open && _receivedCount <= afterReceivedCount)
            {
                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    return false;
                }

                Monitor.Wait(_gate, (int)remaining);
            }

            return true;
        }
    }

    /// <summary>
    /// Reads the line settings back from the kernel (tcgetattr) while open. On a pseudo-terminal the parity comes from
    /// INPCK and PARODD and the data bits are always 8 (see the remarks of the class).
    /// </summary>
    public bool TryReadLineSettings(out SerialSettings settings)
    {
        settings = default;
        lock (_gate)
        {
            if (!_open || _session == null || Native.tcgetattr(_session.Fd, out Termios tios) != 0)
            {
                return false;
            }

            uint cflag = tios.CFlag;
            bool parity = (cflag & Native.PARENB) != 0 || (tios.IFlag & Native.INPCK) != 0;
            settings = new SerialSettings(
                BaudOf(Native.cfgetospeed(ref tios)),
                (cflag & Native.CSIZE) switch { Native.CS5 => 5, Native.CS6 => 6, Native.CS7 => 7, _ => 8 },
                !parity ? SerialParity.None : (cflag & Native.PARODD) != 0 ? SerialParity.Odd : SerialParity.Even,
                (cflag & Native.CSTOPB) != 0 ? SerialStopBits.Two : SerialStopBits.One);
            return true;
        }
    }

    /// <summary>Closes the port.</summary>
    public void Dispose()
    {
        Close();
        lock (_gate)
        {
            _disposed = true;
        }
    }

    private static bool Configure(int fd, SerialSettings settings, uint speed, out int errno)
    {
        errno = 0;
        if (Native.tcgetattr(fd, out Termios tios) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return false;
        }

        // Everything is set here; nothing from an earlier user of the device survives.
        Native.cfmakeraw(ref tios);
        tios.IFlag &= ~(Native.IGNBRK | Native.BRKINT | Native.IGNPAR | Native.PARMRK | Native.INPCK | Native.ISTRIP
            | Native.INLCR | Native.IGNCR | Native.ICRNL | Native.IXON | Native.IXOFF | Native.IXANY);
        tios.OFlag &= ~Native.OPOST;
        tios.LFlag &= ~(Native.ECHO | Native.ECHONL | Native.ICANON | Native.ISIG | Native.IEXTEN);
        uint cflag = tios.CFlag & ~(Native.CSIZE | Native.PARENB | Native.PARODD | Native.CSTOPB | Native.CRTSCTS | Native.HUPCL);
        cflag |= Native.CLOCAL | Native.CREAD;
        cflag |= settings.DataBits switch { 5 => Native.CS5, 6 => Native.CS6, 7 => Native.CS7, _ => Native.CS8 };
        if (settings.Parity != SerialParity.None)
        {
            cflag |= Native.PARENB;
            tios.IFlag |= Native.INPCK;
            if (settings.Parity == SerialParity.Odd)
            {
                cflag |= Native.PARODD;
            }
        }

        if (settings.StopBits == SerialStopBits.Two)
        {
            cflag |= Native.CSTOPB;
        }

        tios.CFlag = cflag;
        tios.VMin = 1;
        tios.VTime = 0;
        if (Native.cfsetispeed(ref tios, speed) != 0 || Native.cfsetospeed(ref tios, speed) != 0
            || Native.tcsetattr(fd, Native.TCSANOW, ref tios) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return false;
        }

        // tcsetattr succeeds when any of the changes took: check the one that matters most.
        if (Native.tcgetattr(fd, out Termios applied) != 0 || Native.cfgetospeed(ref applied) != speed)
        {
            errno = Native.EINVAL;
            return false;
        }

        Native.tcflush(fd, Native.TCIOFLUSH);
        return true;
    }

    private static bool TryGetSpeed(int baud, out uint speed)
    {
        speed = baud switch
        {
            1200 => Native.B1200,
            2400 => Native.B2400,
            4800 => Native.B4800,
            9600 => Native.B9600,
            19200 => Native.B19200,
            38400 => Native.B38400,
            57600 => Native.B57600,
            115200 => Native.B115200,
            230400 => Native.B230400,
            _ => 0,
        };
        return speed != 0;
    }

    private static int BaudOf(uint speed)
    {
        foreach (int baud in new[] { 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400 })
        {
            if (TryGetSpeed(baud, out uint candidate) && candidate == speed)
            {
                return baud;
            }
        }

        return 0;
    }

    private static void Wake(Session session)
    {
        ulong one = 1;
        Native.write(session.WakeFd, ref one, sizeof(ulong));
    }

    private void RecordErrno(int errno)
    {
        lock (_gate)
        {
            _lastErrno = errno;
        }
    }

    // The reader (and queued-bytes writer) thread of one open session.
    private void Run(Session session)
    {
        byte[] chunk = new byte[IoChunkBytes];
        PollFd[] fds = new PollFd[2];
        while (true)
        {
            bool wantWrite;
            lock (_gate)
            {
                if (session.StopRequested)
                {
                    return;
                }

                wantWrite = _transmit.Count > 0;
            }

            fds[0] = new PollFd { Fd = session.Fd, Events = (short)(Native.POLLIN | (wantWrite ? Native.POLLOUT : 0)) };
            fds[1] = new PollFd { Fd = session.WakeFd, Events = Native.POLLIN };
            int ready = Native.poll(fds, 2, -1);
            if (ready < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == Native.EINTR)
                {
                    continue;
                }

                End(session, HostSerialPortCloseReason.IoError, errno);
                return;
            }

            if ((fds[1].REvents & Native.POLLIN) != 0)
            {
                ulong value = 0;
                Native.read(session.WakeFd, ref value, sizeof(ulong));
            }

            short events = fds[0].REvents;
            if ((events & (Native.POLLIN | Native.POLLHUP | Native.POLLERR)) != 0 && !Drain(session, chunk))
            {
                return;
            }

            if ((events & (Native.POLLHUP | Native.POLLERR | Native.POLLNVAL)) != 0)
            {
                // Everything readable was read above; the other end is gone.
                End(session, HostSerialPortCloseReason.HungUp, 0);
                return;
            }

            if ((events & Native.POLLOUT) != 0 && !Flush(session, chunk))
            {
                return;
            }
        }
    }

    // Reads until the device would block; false when the session ended.
    private bool Drain(Session session, byte[] chunk)
    {
        while (true)
        {
            nint n = Native.read(session.Fd, ref chunk[0], chunk.Length);
            if (n > 0)
            {
                long nowUs = _clock.NowUs;
                lock (_gate)
                {
                    if (session.StopRequested)
                    {
                        return false;
                    }

                    int stored = _receive.Write(chunk, 0, (int)n);
                    _overflowCount += (int)n - stored;
                    _receivedCount += n;
                    _lastReceiveUs = nowUs;
                    Monitor.PulseAll(_gate);
                }

                continue;
            }

            if (n == 0)
            {
                // End of file: the other end of the pty closed.
                End(session, HostSerialPortCloseReason.HungUp, 0);
                return false;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == Native.EAGAIN)
            {
                return true;
            }

            if (errno == Native.EINTR)
            {
                continue;
            }

            End(session, errno == Native.EIO ? HostSerialPortCloseReason.HungUp : HostSerialPortCloseReason.IoError, errno);
            return false;
        }
    }

    // Writes queued bytes until the device would block; false when the session ended.
    private bool Flush(Session session, byte[] chunk)
    {
        lock (_gate)
        {
            while (_transmit.Count > 0 && !session.StopRequested)
            {
                int count = _transmit.Peek(chunk, 0, chunk.Length);
                nint n = Native.write(session.Fd, ref chunk[0], count);
                if (n > 0)
                {
                    _transmit.Skip((int)n);
                    _transmittedCount += n;
                }

                if (n < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == Native.EAGAIN || errno == Native.EINTR)
                    {
                        return true;
                    }

                    EndLocked(session, errno == Native.EIO ? HostSerialPortCloseReason.HungUp : HostSerialPortCloseReason.IoError, errno);
                    return false;
                }
            }

            return true;
        }
    }

    private void End(Session session, HostSerialPortCloseReason reason, int errno)
    {
        lock (_gate)
        {
            EndLocked(session, reason, errno);
        }
    }

    // Caller holds _gate. The session stays registered (its descriptors are closed by the next Open/Close/Dispose), the
    // received bytes stay readable, the port is no longer open.
    private void EndLocked(Session session, HostSerialPortCloseReason reason, int errno)
    {
        if (_session != session || !_open)
        {
            return;
        }

        _open = false;
        _lastCloseReason = reason;
        if (errno != 0)
        {
            _lastErrno = errno;
        }

        _transmit.Clear();
        Monitor.PulseAll(_gate);
    }

    private sealed class Session
    {
        public Session(int fd, int wakeFd)
        {
            Fd = fd;
            WakeFd = wakeFd;
        }

        public int Fd { get; }

        public int WakeFd { get; }

        public Thread Thread { get; set; }

        // Written under the port's lock.
        public bool StopRequested { get; set; }
    }

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short REvents;
    }

    /// <summary>
    /// struct termios of glibc on 64-bit Linux (x86_64, aarch64): c_iflag, c_oflag, c_cflag, c_lflag (uint32 at 0, 4,
    /// 8, 12), c_line (byte at 16), c_cc[NCCS = 32] (at 17), c_ispeed and c_ospeed (uint32 at 52 and 56); 60 bytes
    /// (checked with offsetof/sizeof on Debian 12 x86_64). Only the members used here are named; the others are
    /// carried through untouched.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 60)]
    private struct Termios
    {
        [FieldOffset(0)]
        public uint IFlag;

        [FieldOffset(4)]
        public uint OFlag;

        [FieldOffset(8)]
        public uint CFlag;

        [FieldOffset(12)]
        public uint LFlag;

        /// <summary>c_cc[VTIME] (VTIME = 5).</summary>
        [FieldOffset(17 + 5)]
        public byte VTime;

        /// <summary>c_cc[VMIN] (VMIN = 6).</summary>
        [FieldOffset(17 + 6)]
        public byte VMin;
    }

    /// <summary>libc, with the Linux (asm-generic) constants, checked against the glibc headers.</summary>
    private static class Native
    {
        public const int O_RDWR = 0x2;
        public const int O_NOCTTY = 0x100;
        public const int O_NONBLOCK = 0x800;
        public const int O_CLOEXEC = 0x80000;
        public const int EFD_NONBLOCK = 0x800;
        public const int EFD_CLOEXEC = 0x80000;

        public const int EINTR = 4;
        public const int EIO = 5;
        public const int EAGAIN = 11;
        public const int EINVAL = 22;

        public const short POLLIN = 0x1;
        public const short POLLOUT = 0x4;
        public const short POLLERR = 0x8;
        public const short POLLHUP = 0x10;
        public const short POLLNVAL = 0x20;

        public const int TCSANOW = 0;
        public const int TCIOFLUSH = 2;

        // c_iflag
        public const uint IGNBRK = 0x1;
        public const uint BRKINT = 0x2;
        public const uint IGNPAR = 0x4;
        public const uint PARMRK = 0x8;
        public const uint INPCK = 0x10;
        public const uint ISTRIP = 0x20;
        public const uint INLCR = 0x40;
        public const uint IGNCR = 0x80;
        public const uint ICRNL = 0x100;
        public const uint IXON = 0x400;
        public const uint IXANY = 0x800;
        public const uint IXOFF = 0x1000;

        // c_oflag
        public const uint OPOST = 0x1;

        // c_lflag
        public const uint ISIG = 0x1;
        public const uint ICANON = 0x2;
        public const uint ECHO = 0x8;
        public const uint ECHONL = 0x40;
        public const uint IEXTEN = 0x8000;

        // c_cflag
        public const uint CSIZE = 0x30;
        public const uint CS5 = 0x0;
        public const uint CS6 = 0x10;
        public const uint CS7 = 0x20;
        public const uint CS8 = 0x30;
        public const uint CSTOPB = 0x40;
        public const uint CREAD = 0x80;
        public const uint PARENB = 0x100;
        public const uint PARODD = 0x200;
        public const uint HUPCL = 0x400;
        public const uint CLOCAL = 0x800;
        public const uint CRTSCTS = 0x80000000;

        // speed_t
        public const uint B1200 = 0x9;
        public const uint B2400 = 0xB;
        public const uint B4800 = 0xC;
        public const uint B9600 = 0xD;
        public const uint B19200 = 0xE;
        public const uint B38400 = 0xF;
        public const uint B57600 = 0x1001;
        public const uint B115200 = 0x1002;
        public const uint B230400 = 0x1003;

        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, ref byte buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, ref ulong buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        public static extern nint write(int fd, ref byte buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        public static extern nint write(int fd, ref ulong buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        public static extern int poll([In, Out] PollFd[] fds, nuint count, int timeoutMs);

        [DllImport("libc", SetLastError = true)]
        public static extern int eventfd(uint initialValue, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int tcgetattr(int fd, out Termios termios);

        [DllImport("libc", SetLastError = true)]
        public static extern int tcsetattr(int fd, int optionalActions, ref Termios termios);

        [DllImport("libc", SetLastError = true)]
        public static extern int tcflush(int fd, int queueSelector);

        [DllImport("libc")]
        public static extern void cfmakeraw(ref Termios termios);

        [DllImport("libc", SetLastError = true)]
        public static extern int cfsetispeed(ref Termios termios, uint speed);

        [DllImport("libc", SetLastError = true)]
        public static extern int cfsetospeed(ref Termios termios, uint speed);

        [DllImport("libc")]
        public static extern uint cfgetospeed(ref Termios termios);
    }
}
