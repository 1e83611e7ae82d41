using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Wallbox.Boards.Virtual.Control;
using Wallbox.Drivers.Pilot;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>
/// The control interface from outside: lines on standard input and <c>POST /command</c> on the loopback port reach the
/// thread that steps the wallbox through the command queue, and each gets its one-line answer.
/// </summary>
public sealed class ControlInterfaceTests
{
    private static readonly TimeSpan WallTimeout = TimeSpan.FromSeconds(20);

    private readonly VirtualWallbox _wallbox = new VirtualWallbox();
    private readonly ControlCommandQueue _queue = new ControlCommandQueue();
    private readonly ControlCommandExecutor _executor;
    private readonly StringWriter _output = new StringWriter();

    public ControlInterfaceTests()
    {
        _executor = new ControlCommandExecutor(_wallbox);
        _wallbox.RunForMs(1000);
    }

    [Fact]
    public async Task Queued_commands_run_only_when_the_stepping_thread_executes_them_and_stdin_replies_are_prefixed()
    {
        Task<ControlReply> plug = _queue.Post("plug", ControlSource.StandardInput);
        Task<ControlReply> bogus = _queue.Post("bogus", ControlSource.StandardInput);
        Assert.False(plug.IsCompleted);
        Assert.False(_wallbox.Hardware.Ev.IsPluggedIn);

        Assert.False(_queue.ExecutePending(_executor, _output));

        Assert.True(_wallbox.Hardware.Ev.IsPluggedIn);
        Assert.Equal("ok: EV plugged in (state B; S2 automatic)", (await plug).Text);
        Assert.False((await bogus).Ok);
        string[] lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("> ok: EV plugged in (state B; S2 automatic)", lines[0].TrimEnd('\r'));
        Assert.StartsWith("> error: unknown command 'bogus'", lines[1]);
    }

    [Fact]
    public async Task Quit_stops_execution_and_leaves_later_commands_waiting()
    {
        _ = _queue.Post("quit", ControlSource.StandardInput);
        Task<ControlReply> later = _queue.Post("plug", ControlSource.StandardInput);

        Assert.True(_queue.ExecutePending(_executor, _output));
        Assert.False(later.IsCompleted);

        _queue.RefuseAll("stopping");
        Assert.Equal("error: stopping", (await later).Text);
        Assert.False(_wallbox.Hardware.Ev.IsPluggedIn);
    }

    [Fact]
    public async Task A_full_queue_answers_at_once_with_an_error()
    {
        for (int i = 0; i < ControlCommandQueue.Capacity; i++)
        {
            _ = _queue.Post("status", ControlSource.Http);
        }

        Task<ControlReply> refused = _queue.Post("status", ControlSource.Http);

        Assert.True(refused.IsCompleted);
        Assert.Equal("error: too many commands waiting (64)", (await refused).Text);
    }

    [Fact]
    public void Stdin_lines_are_posted_in_order_skipping_blank_lines_and_comments()
    {
        var reader = new StdinCommandReader(new StringReader("plug\n\n# a comment\ns2 close\ncard 04AABB\n"), _queue);
        reader.Start();

        var wall = Stopwatch.StartNew();
        while (!reader.Ended && wall.Elapsed < WallTimeout)
        {
            _queue.ExecutePending(_executor, _output);
            _wallbox.Step();
        }

        Assert.True(reader.WaitForEnd(5000));
        Assert.Equal(
            new[] { "> ok: EV plugged in (state B; S2 automatic)", "> ok: S2 closed: the EV requests energy (state C)", "> ok: card 04AABB presented" },
            _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.True(_wallbox.RunUntil(() => _wallbox.Firmware.Charging.PilotState == PilotState.C, 500));
    }

    [Fact]
    public async Task Http_post_of_a_command_answers_200_and_the_reply_line()
    {
        using var server = new ControlHttpServer(_queue, 0);
        server.Start();
        using var client = new HttpClient();

        HttpResponseMessage response = await PumpUntilDone(client.PostAsync(server.CommandUrl, new StringContent("plug")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok: EV plugged in (state B; S2 automatic)\n", await response.Content.ReadAsStringAsync());
        Assert.True(_wallbox.RunUntil(() => _wallbox.Firmware.Charging.PilotState == PilotState.B, 500));
        Assert.Contains("[control] plug -> ok: EV plugged in", _output.ToString());
    }

    [Fact]
    public async Task Http_post_of_tap_holds_the_card_to_the_reader()
    {
        using var server = new ControlHttpServer(_queue, 0);
        server.Start();
        using var client = new HttpClient();

        HttpResponseMessage response = await PumpUntilDone(client.PostAsync(server.CommandUrl, new StringContent("tap A1B2C3D4")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok: tapped MIFARE Classic 1K A1B2C3D4 for 1 s\n", await response.Content.ReadAsStringAsync());
        Assert.True(_wallbox.RunUntil(() => _wallbox.Firmware.Rfid.LastIdTag == "A1B2C3D4", 1_000));
    }

    [Fact]
    public async Task Http_post_of_a_bad_or_refused_command_answers_400_and_the_error()
    {
        using var server = new ControlHttpServer(_queue, 0);
        server.Start();
        using var client = new HttpClient();

        HttpResponseMessage bad = await PumpUntilDone(client.PostAsync(server.CommandUrl, new StringContent("fly away")));
        HttpResponseMessage refused = await PumpUntilDone(client.PostAsync(server.CommandUrl, new StringContent("config MaxCurrentA 99\n")));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("error: unknown command 'fly'", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("error: Rejected: ", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http_answers_404_for_other_paths_405_for_other_methods_and_listens_on_loopback_only()
    {
        using var server = new ControlHttpServer(_queue, 0);
        server.Start();
        using var client = new HttpClient();

        HttpResponseMessage notFound = await client.PostAsync("http://127.0.0.1:" + server.Port + "/other", new StringContent("plug"));
        HttpResponseMessage wrongMethod = await client.GetAsync(server.CommandUrl);

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(0, _queue.Count);
        Assert.False(_wallbox.Hardware.Ev.IsPluggedIn);
    }

    [Fact]
    public void A_taken_port_fails_at_start()
    {
        using var first = new ControlHttpServer(_queue, 0);
        first.Start();
        using var second = new ControlHttpServer(_queue, first.Port);

        Assert.Throws<SocketException>(second.Start);
    }

    /// <summary>Plays the board's run loop (execute queued commands, step) until <paramref name="request"/> completes.</summary>
    private async Task<T> PumpUntilDone<T>(Task<T> request)
    {
        var wall = Stopwatch.StartNew();
        while (!request.IsCompleted && wall.Elapsed < WallTimeout)
        {
            _queue.ExecutePending(_executor, _output);
            _wallbox.Step();
            await Task.Yield();
        }

        Assert.True(request.IsCompleted, "no HTTP reply within " + WallTimeout);
        return await request;
    }
}
