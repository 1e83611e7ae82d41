using System.Text;

namespace Wallbox.Hal.Simulation.Tests;

public sealed class SimulatedFileStoreTests
{
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly SimulatedFileStore _store = new SimulatedFileStore(capacityBytes: 4 * 4096, queueCapacity: 2);

    [Fact]
    public void A_write_completes_only_after_the_flash_has_had_time_and_then_reads_back()
    {
        byte[] data = Encoding.ASCII.GetBytes("hello");
        var write = new FileJob();
        write.PrepareWrite(@"I:\cfg\a.bin", data, 0, data.Length);
        Assert.True(_store.TrySubmit(write));
        Assert.Equal(FileJobState.Queued, write.State);

        AdvanceMs(1);
        Assert.Equal(FileJobState.Running, write.State);
        AdvanceMs(5);
        Assert.Equal(FileJobState.Succeeded, write.State);
        Assert.Equal(5, write.Length);

        var buffer = new byte[16];
        var read = new FileJob();
        read.PrepareRead(@"I:\cfg\a.bin", 1, buffer, 0, 16);
        _store.TrySubmit(read);
        AdvanceMs(10);

        Assert.Equal(FileJobState.Succeeded, read.State);
        Assert.Equal("ello", Encoding.ASCII.GetString(buffer, 0, read.Transferred));
    }

    [Fact]
    public void The_queue_refuses_jobs_beyond_its_capacity_and_a_busy_job_cannot_be_resubmitted()
    {
        var a = Job(@"I:\a");
        var b = Job(@"I:\b");
        var c = Job(@"I:\c");

        Assert.True(_store.TrySubmit(a));
        Assert.False(_store.TrySubmit(a));
        Assert.True(_store.TrySubmit(b));
        Assert.False(_store.TrySubmit(c));
        Assert.Equal(FileJobState.Idle, c.State);
    }

    [Fact]
    public void A_finished_job_is_released_and_reused()
    {
        var job = Job(@"I:\a");
        _store.TrySubmit(job);
        AdvanceMs(10);
        Assert.True(job.IsDone);

        job.Release();
        job.PrepareDelete(@"I:\a");
        Assert.True(_store.TrySubmit(job));
        AdvanceMs(10);

        Assert.Equal(FileJobState.Succeeded, job.State);
        Assert.Null(_store.ReadFileDirect(@"I:\a"));
    }

    [Fact]
    public void Preparing_a_job_the_worker_still_owns_is_refused()
    {
        var job = Job(@"I:\a");
        _store.TrySubmit(job);

        Assert.Throws<System.InvalidOperationException>(() => job.PrepareDelete(@"I:\a"));
    }

    [Fact]
    public void A_full_partition_fails_the_write_with_NoSpace_and_keeps_the_old_content()
    {
        _store.WriteFileDirect(@"I:\big", new byte[3 * 4096]);
        var job = new FileJob();
        job.PrepareWrite(@"I:\more", new byte[4097], 0, 4097);
        _store.TrySubmit(job);
        AdvanceMs(100);

        Assert.Equal(FileError.NoSpace, job.Error);
        Assert.Null(_store.ReadFileDirect(@"I:\more"));
    }

    [Fact]
    public void Append_grows_a_file_and_rename_replaces_the_target()
    {
        _store.WriteFileDirect(@"I:\log", new byte[] { 1 });
        _store.WriteFileDirect(@"I:\old", new byte[] { 9 });
        var append = new FileJob();
        append.PrepareAppend(@"I:\log", new byte[] { 2, 3 }, 0, 2);
        var rename = new FileJob();
        rename.PrepareRename(@"I:\log", @"I:\old");
        _store.TrySubmit(append);
        _store.TrySubmit(rename);
        AdvanceMs(100);

        Assert.Equal(new byte[] { 1, 2, 3 }, _store.ReadFileDirect(@"I:\old"));
        Assert.Null(_store.ReadFileDirect(@"I:\log"));
    }

    [Fact]
    public void Listing_returns_the_files_of_one_directory_sorted_and_flags_truncation()
    {
        _store.WriteFileDirect(@"I:\tx\2", new byte[1]);
        _store.WriteFileDirect(@"I:\tx\1", new byte[1]);
        _store.WriteFileDirect(@"I:\tx\3", new byte[1]);
        _store.WriteFileDirect(@"I:\other", new byte[1]);
        var names = new string[2];
        var list = new FileJob();
        list.PrepareList(@"I:\tx", names);
        _store.TrySubmit(list);
        AdvanceMs(10);

        Assert.Equal(new[] { "1", "2" }, names);
        Assert.True(list.Truncated);
    }

    [Fact]
    public void Reading_a_missing_file_fails_with_NotFound()
    {
        var read = new FileJob();
        read.PrepareRead(@"I:\missing", 0, new byte[4], 0, 4);
        _store.TrySubmit(read);
        AdvanceMs(10);

        Assert.Equal((FileJobState.Failed, FileError.NotFound), (read.State, read.Error));
    }

    [Fact]
    public void A_hung_worker_never_completes_anything()
    {
        _store.Hung = true;
        var job = Job(@"I:\a");
        _store.TrySubmit(job);
        AdvanceMs(60_000);

        Assert.False(job.IsDone);
    }

    [Fact]
    public void An_injected_failure_hits_the_next_job_only()
    {
        _store.FailNext(FileError.IoError);
        var first = Job(@"I:\a");
        var second = Job(@"I:\b");
        _store.TrySubmit(first);
        _store.TrySubmit(second);
        AdvanceMs(100);

        Assert.Equal(FileError.IoError, first.Error);
        Assert.Equal(FileJobState.Succeeded, second.State);
    }

    private static FileJob Job(string path)
    {
        var job = new FileJob();
        job.PrepareWrite(path, new byte[] { 1, 2 }, 0, 2);
        return job;
    }

    private void AdvanceMs(int ms)
    {
        for (int i = 0; i < ms; i++)
        {
            _clock.AdvanceMs(1);
            _store.Advance(_clock.NowUs);
        }
    }
}
