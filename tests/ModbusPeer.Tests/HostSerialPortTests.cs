using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;
using Wallbox.Tests.Peers;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Wallbox.ModbusPeer.Tests;

/// <summary>The host serial port (libc termios, poll, read, write) on the two ends of a socat pty pair.</summary>
[Collection(ModbusLineCollection.Name)]
public sealed class HostSerialPortTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly ITestOutputHelper _output;

    public HostSerialPortTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Bytes_cross_the_pty_pair_both_ways_and_stamp_the_receive_time()
    {
        using SocatPtyPair pty = SocatPtyPair.Start();
        HostMonotonicClock clock = new HostMonotonicClock();
        using HostSerialPort a = new HostSerialPort(pty.PathA, clock);
        using HostSerialPort b = new HostSerialPort(pty.PathB, clock);
        Assert.True(a.Open(ModbusLine.Default9600));
        Assert.True(b.Open(ModbusLine.Default9600));
        Assert.Equal(0, b.LastReceiveUs);

        // Every byte value, in one frame: raw mode passes them all (no CR/LF mapping, no XON/XOFF, no echo).
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        long sentUs = clock.NowUs;
        Assert.True(a.Write(all, 0, all.Length));
        Assert.False(a.IsTransmitting);
        Assert.Equal(all, ReadExactly(b, all.Length));
        long firstUs = b.LastReceiveUs;
        Assert.InRange(firstUs, sentUs, clock.NowUs);

        byte[] answer = { 0x01, 0x03, 0x02, 0x12, 0x34, 0xB5, 0x33 };
        Assert.True(b.Write(answer, 0, answer.Length));
        Assert.Equal(answer, ReadExactly(a, answer.Length));
        Assert.True(a.LastReceiveUs >= firstUs);

        byte[] again = { 0xAA, 0x55 };
        Assert.True(a.Write(again, 0, again.Length));
        Assert.Equal(again, ReadExactly(b, again.Length));
        Assert.True(b.LastReceiveUs > firstUs, "LastReceiveUs advances with every arrival");
        Assert.Equal(0, a.ReceiveOverflowCount);
        Assert.Equal(0, b.ReceiveOverflowCount);

        // Round trips of an 8-byte frame (a Modbus read request) through socat, port to port.
        byte[] frame = { 0x01, 0x04, 0x00, 0x00, 0x00, 0x02, 0x71, 0xCB };
        List<double> roundTripsMs = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            long startUs = clock.NowUs;
            Assert.True(a.Write(frame, 0, frame.Length));
            ReadExactly(b, frame.Length);
            Assert.True(b.Write(frame, 0, frame.Length));
            ReadExactly(a, frame.Length);
            roundTripsMs.Add((a.LastReceiveUs - startUs) / 1000.0);
        }

        roundTripsMs.Sort();
        _output.WriteLine("report: host serial port round trip through socat (8 bytes each way, 200 times): median "
            + roundTripsMs[100].ToString("F3") + " ms, 95th percentile " + roundTripsMs[190].ToString("F3") + " ms, max "
            + roundTripsMs[^1].ToString("F3") + " ms");
    }

    [Fact]
    public void A_full_receive_buffer_drops_the_excess_and_counts_it()
    {
        using SocatPtyPair pty = SocatPtyPair.Start();
        HostMonotonicClock clock = new HostMonotonicClock();
        using HostSerialPort a = new HostSerialPort(pty.PathA, clock);
        using HostSerialPort b = new HostSerialPort(pty.PathB, clock, receiveBufferCapacity: 16);
        Assert.True(a.Open(ModbusLine.Default9600));
        Assert.True(b.Open(ModbusLine.Default9600));
        Assert.Equal(16, b.ReceiveBufferCapacity);

        byte[] data = Enumerable.Range(0, 40).Select(i => (byte)i).ToArray();
        Assert.True(a.Write(data, 0, data.Length));
        WaitUntilReceived(b, 40);

        Assert.Equal(16, b.BytesToRead);
        Assert.Equal(24, b.ReceiveOverflowCount);
        byte[] kept = new byte[32];
        Assert.Equal(16, b.Read(kept, 0, kept.Length));
        Assert.Equal(data.Take(16), kept.Take(16));

        b.DiscardReceiveBuffer();
        Assert.True(a.Write(data, 0, 4));
        WaitUntilReceived(b, 44);
        Assert.Equal(4, b.BytesToRead);
        b.DiscardReceiveBuffer();
        Assert.Equal(0, b.BytesToRead);
    }

    [Fact]
    public void Open_sets_the_whole_line_mode_every_time_and_refuses_what_it_cannot_set()
    {
        using SocatPtyPair pty = SocatPtyPair.Start();
        HostMonotonicClock clock = new HostMonotonicClock();
        using HostSerialPort b = new HostSerialPort(pty.PathB, clock);

        SerialSettings odd = new SerialSettings(19200, 8, SerialParity.Odd, SerialStopBits.Two);
        Assert.True(b.Open(odd));
        Assert.True(b.TryReadLineSettings(out SerialSettings applied));
        Assert.Equal(odd, applied);
        Assert.Equal(odd, b.Settings);

        // Reopening with other settings leaves nothing of the previous mode behind (a pty keeps its termios).
        Assert.True(b.Open(ModbusLine.Default9600));
        Assert.True(b.TryReadLineSettings(out applied));
        Assert.Equal(ModbusLine.Default9600, applied);

        SerialSettings even = new SerialSettings(38400, 8, SerialParity.Even, SerialStopBits.One);
        b.Close();
        Assert.True(b.Open(even));
        Assert.True(b.TryReadLineSettings(out applied));
        Assert.Equal(even, applied);

        Assert.False(b.Open(new SerialSettings(12345, 8, SerialParity.None, SerialStopBits.One)));
        Assert.False(b.IsOpen);
        Assert.False(b.Open(new SerialSettings(9600, 9, SerialParity.None, SerialStopBits.One)));

        using HostSerialPort missing = new HostSerialPort(System.IO.Path.Combine(pty.Folder, "no-such-device"), clock);
        Assert.False(missing.Open(ModbusLine.Default9600));
        Assert.Equal(2, missing.LastErrno); // ENOENT
        byte[] one = { 1 };
        Assert.False(missing.Write(one, 0, 1));
    }

    [Fact]
    public void Bytes_that_arrived_while_the_port_was_closed_are_flushed_at_open()
    {
        using SocatPtyPair pty = SocatPtyPair.Start();
        HostMonotonicClock clock = new HostMonotonicClock();
        using HostSerialPort a = new HostSerialPort(pty.PathA, clock);
        using HostSerialPort b = new HostSerialPort(pty.PathB, clock);
        Assert.True(a.Open(ModbusLine.Default9600));
        Assert.True(b.Open(ModbusLine.Default9600));
        byte[] stale = { 9, 9, 9 };
        b.Close();
        Assert.False(b.IsOpen);
        Assert.Equal(HostSerialPortCloseReason.ClosedLocally, b.LastCloseReason);
        Assert.False(b.Write(stale, 0, stale.Length));

        // Sent while b is closed: the pty keeps them in b's input queue (seen through a probe descriptor that does not
        // flush), and the next open must drop them.
        Assert.True(a.Write(stale, 0, stale.Length));
        Assert.True(PtyProbe.WaitForPendingInput(pty.PathB, stale.Length, Limit), "the stale bytes did not reach b's side");

        byte[] marker = { 0x42 };
        Assert.True(b.Open(ModbusLine.Default9600));
        Assert.True(a.Write(marker, 0, 1));
        Assert.Equal(marker, ReadExactly(b, 1));
        Assert.Equal(0, b.BytesToRead);
    }

    [Fact]
    public void Frames_the_kernel_cannot_take_yet_are_queued_and_sent_in_order()
    {
        using SocatPtyPair pty = SocatPtyPair.Start();
        HostMonotonicClock clock = new HostMonotonicClock();
        using HostSerialPort a = new HostSerialPort(pty.PathA, clock, receiveBufferCapacity: 4 * 1024 * 1024);
        using HostSerialPort b = new HostSerialPort(pty.PathB, clock, transmitBufferCapacity: 1024);
        Assert.True(a.Open(ModbusLine.Default9600));
        Assert.True(b.Open(ModbusLine.Default9600));

        // With socat stopped nothing drains b's side: the kernel's buffer fills, then our transmit queue, then Write refuses.
        pty.Process.Signal(PeerProcess.SigStop);
        List<byte> accepted = new List<byte>();
        byte[] frame = new byte[256];
        bool sawTransmitting = false;
        bool refused = false;
        for (int i = 0; i < 16384 && !refused; i++)
        {
            for (int j = 0; j < frame.Length; j++)
            {
                frame[j] = (byte)(i * 7 + j);
            }

            if (b.Write(frame, 0, frame.Length))
            {
                accepted.AddRange(frame);
                sawTransmitting |= b.IsTransmitting;
            }
            else
            {
                refused = true;
            }
        }

        Assert.True(refused, "Write must refuse a frame that does not fit once the kernel and the queue are full");
        Assert.True(sawTransmitting, "IsTransmitting while queued bytes wait for the kernel");
        Assert.True(b.IsTransmitting);
        Assert.True(b.IsOpen);

        pty.Process.Signal(PeerProcess.SigCont);
        WaitUntilReceived(a, accepted.Count);
        byte[] received = new byte[accepted.Count];
        Assert.Equal(accepted.Count, a.Read(received, 0, received.Length));
        Assert.Equal(accepted.ToArray(), received);
        Assert.False(b.IsTransmitting);
        Assert.Equal(accepted.Count, b.TransmittedCount);
        _output.WriteLine("report: host serial port transmit queue: the pty took " + (accepted.Count - 1024) + "–" + accepted.Count
            + " bytes with socat stopped before Write refused; all delivered in order after SIGCONT");
    }

    [Theory]
    [InlineData(PeerProcess.SigTerm)]
    [InlineData(SocatPtyPair.SigKill)]
    public void When_socat_dies_the_port_reports_a_hang_up_and_is_closed(int signal)
    {
        using SocatPtyPair pty = SocatPtyPair.Start();
        HostMonotonicClock clock = new HostMonotonicClock();
        using HostSerialPort b = new HostSerialPort(pty.PathB, clock);
        Assert.True(b.Open(ModbusLine.Default9600));

        long killedUs = clock.NowUs;
        pty.Kill(signal);
        Assert.True(b.WaitForReceive(long.MaxValue, (int)Limit.TotalMilliseconds), "the hang-up was not noticed");
        long noticedUs = clock.NowUs;

        Assert.False(b.IsOpen);
        Assert.Equal(HostSerialPortCloseReason.HungUp, b.LastCloseReason);
        byte[] frame = { 1, 3, 0, 0, 0, 1, 0x84, 0x0A };
        Assert.False(b.Write(frame, 0, frame.Length));
        Assert.False(b.IsTransmitting);

        // Close after a hang-up is quiet; a new open of the vanished link fails.
        b.Close();
        Assert.Equal(HostSerialPortCloseReason.HungUp, b.LastCloseReason);
        _output.WriteLine("report: host serial port hang-up (socat signal " + signal + ") noticed within "
            + ((noticedUs - killedUs) / 1000.0).ToString("F1") + " ms of the signal (including socat's exit)");
    }

    /// <summary>Looks at a terminal's input queue without reading or flushing it (poll, then ioctl FIONREAD).</summary>
    private static class PtyProbe
    {
        private const int ORdOnly = 0;
        private const int ONoCtty = 0x100;
        private const int ONonBlock = 0x800;
        private const int FionRead = 0x541B;
        private const short PollIn = 1;

        public static bool WaitForPendingInput(string path, int count, TimeSpan limit)
        {
            int fd = open(path, ORdOnly | ONoCtty | ONonBlock);
            Assert.True(fd >= 0, "cannot open " + path);
            try
            {
                Stopwatch watch = Stopwatch.StartNew();
                while (watch.Elapsed < limit)
                {
                    PollFd[] fds = { new PollFd { Fd = fd, Events = PollIn } };
                    poll(fds, 1, 100);
                    if (ioctl(fd, FionRead, out int pending) == 0 && pending >= count)
                    {
                        return true;
                    }
                }

                return false;
            }
            finally
            {
                close(fd);
            }
        }

        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        private struct PollFd
        {
            public int Fd;
            public short Events;
            public short REvents;
        }

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        private static extern int open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);

        [System.Runtime.InteropServices.DllImport("libc")]
        private static extern int close(int fd);

        [System.Runtime.InteropServices.DllImport("libc")]
        private static extern int poll([System.Runtime.InteropServices.In, System.Runtime.InteropServices.Out] PollFd[] fds, nuint count, int timeoutMs);

        [System.Runtime.InteropServices.DllImport("libc")]
        private static extern int ioctl(int fd, ulong request, out int value);
    }

    private static byte[] ReadExactly(HostSerialPort port, int count)
    {
        byte[] buffer = new byte[count];
        int have = 0;
        Stopwatch watch = Stopwatch.StartNew();
        while (have < count)
        {
            long seen = port.ReceivedCount;
            have += port.Read(buffer, have, count - have);
            if (have == count)
            {
                break;
            }

            if (watch.Elapsed > Limit || !port.IsOpen)
            {
                throw new XunitException("received " + have + " of " + count + " bytes (port open: " + port.IsOpen + ")");
            }

            port.WaitForReceive(seen, 100);
        }

        return buffer;
    }

    private static void WaitUntilReceived(HostSerialPort port, long total)
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (port.ReceivedCount < total)
        {
            if (watch.Elapsed > Limit)
            {
                throw new XunitException("received " + port.ReceivedCount + " of " + total + " bytes");
            }

            port.WaitForReceive(port.ReceivedCount, 100);
        }
    }
}
