using System.Text;

namespace Wallbox.Hal.Simulation.Tests;

public sealed class SimulatedHttpServerTests
{
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly SimulatedHttpServer _server;

    public SimulatedHttpServerTests()
    {
        _server = new SimulatedHttpServer(_clock, maxPendingRequests: 1, maxBodyBytes: 8, responseDeadlineMs: 100);
        _server.Start(80);
    }

    [Fact]
    public void A_request_reaches_the_loop_and_its_answer_reaches_the_browser()
    {
        int id = _server.Inject("POST", "/config?section=ocpp", "a=1", "application/x-www-form-urlencoded", "Basic x");

        Assert.True(_server.TryAccept(out HttpExchange exchange));
        Assert.Equal(("POST", "/config", "section=ocpp", "Basic x", 3), (exchange.Method, exchange.Path, exchange.Query, exchange.Authorization, exchange.BodyLength));
        byte[] body = Encoding.UTF8.GetBytes("ok");
        Assert.True(_server.Respond(exchange, exchange.Generation, 200, "text/plain", null, body, 0, body.Length));

        Assert.True(_server.TryGetResponse(id, out SimulatedHttpResponse response));
        Assert.Equal((200, "ok", false), (response.StatusCode, Encoding.UTF8.GetString(response.Body), response.AnsweredByWorker));
    }

    [Fact]
    public void The_worker_answers_503_when_every_slot_is_taken()
    {
        _server.Inject("GET", "/");
        int second = _server.Inject("GET", "/");

        Assert.True(_server.TryGetResponse(second, out SimulatedHttpResponse response));
        Assert.Equal((503, true), (response.StatusCode, response.AnsweredByWorker));
    }

    [Fact]
    public void The_worker_answers_413_to_an_oversized_body()
    {
        int id = _server.Inject("POST", "/", "123456789");

        Assert.True(_server.TryGetResponse(id, out SimulatedHttpResponse response));
        Assert.Equal(413, response.StatusCode);
        Assert.False(_server.TryAccept(out _));
    }

    [Fact]
    public void A_late_answer_is_refused_after_the_worker_answered_503()
    {
        int id = _server.Inject("GET", "/");
        Assert.True(_server.TryAccept(out HttpExchange exchange));
        int generation = exchange.Generation;
        _clock.AdvanceMs(100);
        _server.Advance(_clock.NowUs);

        Assert.False(_server.Respond(exchange, generation, 200, "text/plain", null, new byte[0], 0, 0));
        Assert.True(_server.TryGetResponse(id, out SimulatedHttpResponse response));
        Assert.Equal(503, response.StatusCode);
    }
}
