using System;
using System.Collections.Generic;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The flash partition as files in memory, with a worker that executes jobs one at a time and takes virtual
/// time to do so (flash programming and erase are slow). Space is accounted in file-system blocks like LittleFS.
/// </summary>
/// <remarks>
/// Faults: <see cref="Hung"/> stops the worker (a driver that never returns), <see cref="FailNext"/> makes
/// the next job fail. Power cuts that tear writes are modelled by the storage fault-injection layer.
/// </remarks>
public sealed class SimulatedFileStore : IFileStore, ISimulatedDevice
{
    private readonly Dictionary<string, List<byte>> _files = new Dictionary<string, List<byte>>(StringComparer.Ordinal);
    private readonly Queue<FileJob> _queue = new Queue<FileJob>();
    private FileJob _running;
    private long _runningDoneUs;
    private FileError _failNext;
    private int _failReads;

    /// <summary>Creates an empty partition of <paramref name="capacityBytes"/> (ESP32 4 MB module: 256 KiB).</summary>
    public SimulatedFileStore(long capacityBytes = 256 * 1024, int queueCapacity = 8)
    {
        CapacityBytes = capacityBytes;
        QueueCapacity = queueCapacity;
    }

    /// <inheritdoc />
    public int QueueCapacity { get; }

    /// <inheritdoc />
    public long CapacityBytes { get; }

    /// <inheritdoc />
    public string Root => @"I:\";

    /// <summary>File-system block size, bytes (ESP32 flash sector: 4096).</summary>
    public int BlockSizeBytes { get; set; } = 4096;

    /// <summary>Fixed cost of any job, microseconds (open/close and metadata commit).</summary>
    public int JobOverheadUs { get; set; } = 2000;

    /// <summary>Cost per byte written, microseconds (page programming).</summary>
    public double WriteUsPerByte { get; set; } = 5;

    /// <summary>Cost per byte read, microseconds.</summary>
    public double ReadUsPerByte { get; set; } = 0.5;

    /// <summary>
    /// Fault injection: the mutation (write, append, delete, rename; counted from 0) at which the power fails.
    /// That job is torn after <see cref="TearBytes"/> and never completes; nothing runs afterwards.
    /// Negative: never.
    /// </summary>
    public long CutPowerAtMutation { get; set; } = -1;

    /// <summary>
    /// How much of the cut mutation reaches flash: for a write or append, the first TearBytes bytes (clamped to
    /// the job's size); for a delete, nothing at 0 and done otherwise; for a rename, nothing at 0, the target deleted
    /// but the source kept at 1 (delete-then-move implementations), done at 2 or more.
    /// </summary>
    public int TearBytes { get; set; }

    /// <summary>Mutating jobs started since construction (the write points of the fault injection).</summary>
    public long MutationCount { get; private set; }

    /// <summary>True once the injected power cut happened.</summary>
    public bool PowerLost { get; private set; }

    /// <summary>When true the worker stops making progress (a hung flash driver).</summary>
    public bool Hung { get; set; }

    /// <summary>Jobs completed since construction.</summary>
    public long CompletedJobCount { get; private set; }

    /// <summary>Bytes written to flash since construction.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>
    /// Highest space the partition needed since construction, bytes, counting the copy-on-write transient of each
    /// write (old and new copy of an overwritten file, the copied last block of an append).
    /// </summary>
    public long PeakUsedBytes { get; private set; }

    /// <summary>
    /// Data blocks erased since construction under the LittleFS model: a write erases every block of the new copy,
    /// an append the copied last block and any block it extends into (one open-append-close never reuses the
    /// erased tail of a committed block).
    /// </summary>
    public long BlockErases { get; private set; }

    /// <summary>Metadata commits since construction (one per completed write, append, delete or rename).</summary>
    public long MetadataCommits { get; private set; }

    /// <summary>Writes refused for lack of space since construction.</summary>
    public long NoSpaceFailureCount { get; private set; }

    /// <summary>Jobs queued or running.</summary>
    public int PendingJobCount => _queue.Count + (_running == null ? 0 : 1);

    /// <summary>Bytes in use, counted in whole blocks per file.</summary>
    public long UsedBytes
    {
        get
        {
            long used = 0;
            foreach (List<byte> data in _files.Values)
            {
                used += BlocksFor(data.Count) * (long)BlockSizeBytes;
            }

            return used;
        }
    }

    /// <summary>Makes the next job fail with <paramref name="error"/>.</summary>
    public void FailNext(FileError error) => _failNext = error;

    /// <summary>Makes the next <paramref name="count"/> reads and listings fail with an I/O error (a flaky bus).</summary>
    public void FailNextReads(int count) => _failReads = count;

    /// <inheritdoc />
    public bool TrySubmit(FileJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (PendingJobCount >= QueueCapacity || !job.TryMarkQueued())
        {
            return false;
        }

        _queue.Enqueue(job);
        return true;
    }

    /// <summary>Test access: the content of a file, or null.</summary>
    public byte[] ReadFileDirect(string path) => _files.TryGetValue(Normalize(path), out List<byte> data) ? data.ToArray() : null;

    /// <summary>Test access: replaces a file's content at once (no job, no time).</summary>
    public void WriteFileDirect(string path, byte[] content) => _files[Normalize(path)] = new List<byte>(content);

    /// <summary>
    /// The partition as it is after a power cycle: the same files, no queued or running job, the worker idle. What a
    /// torn or interrupted job left behind is kept as it is.
    /// </summary>
    public SimulatedFileStore AfterPowerCycle()
    {
        var store = new SimulatedFileStore(CapacityBytes, QueueCapacity)
        {
            BlockSizeBytes = BlockSizeBytes,
            JobOverheadUs = JobOverheadUs,
            WriteUsPerByte = WriteUsPerByte,
            ReadUsPerByte = ReadUsPerByte,
        };
        foreach (KeyValuePair<string, List<byte>> file in _files)
        {
            store._files[file.Key] = new List<byte>(file.Value);
        }

        return store;
    }

    /// <summary>Test access: the files on the partition.</summary>
    public IReadOnlyCollection<string> FileNames => _files.Keys;

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        while (!Hung && !PowerLost)
        {
            if (_running == null)
            {
                if (_queue.Count == 0)
                {
                    return;
                }

                _running = _queue.Dequeue();
                _running.MarkRunning();
                _runningDoneUs = Math.Max(nowUs - 1, _runningDoneUs) + CostUs(_running);
            }

            if (_runningDoneUs > nowUs)
            {
                return;
            }

            FileJob job = _running;
            if (IsMutation(job.Operation) && MutationCount++ == CutPowerAtMutation)
            {
                Tear(job);
                PowerLost = true;
                return;
            }

            _running = null;
            Execute(job);
            CompletedJobCount++;
        }
    }

    private static bool IsMutation(FileOperation operation) =>
        operation == FileOperation.Write || operation == FileOperation.Append || operation == FileOperation.Delete || operation == FileOperation.Rename;

    /// <summary>Applies the part of <paramref name="job"/> that reached flash before the power failed.</summary>
    private void Tear(FileJob job)
    {
        string path = Normalize(job.Path ?? string.Empty);
        int kept = Math.Clamp(TearBytes, 0, Math.Max(0, job.Count));
        switch (job.Operation)
        {
            case FileOperation.Write:
                _files[path] = new List<byte>(job.Buffer.AsSpan(job.Offset, kept).ToArray());
                break;
            case FileOperation.Append:
                _files.TryGetValue(path, out List<byte> existing);
                var appended = existing ?? new List<byte>();
                appended.AddRange(job.Buffer.AsSpan(job.Offset, kept).ToArray());
                _files[path] = appended;
                break;
            case FileOperation.Delete:
                if (TearBytes > 0)
                {
                    _files.Remove(path);
                }

                break;
            case FileOperation.Rename:
                if (TearBytes == 1 && job.NewPath != null)
                {
                    _files.Remove(Normalize(job.NewPath));
                }
                else if (TearBytes >= 2 && job.NewPath != null && _files.Remove(path, out List<byte> moved))
                {
                    _files[Normalize(job.NewPath)] = moved;
                }

                break;
        }

        BytesWritten += job.Operation == FileOperation.Write || job.Operation == FileOperation.Append ? kept : 0;
    }

    private long CostUs(FileJob job)
    {
        double perByte = job.Operation == FileOperation.Read ? ReadUsPerByte
            : job.Operation == FileOperation.Write || job.Operation == FileOperation.Append ? WriteUsPerByte : 0;
        return JobOverheadUs + (long)Math.Ceiling(job.Count * perByte);
    }

    private void Execute(FileJob job)
    {
        if (_failNext != FileError.None)
        {
            job.Fail(_failNext);
            _failNext = FileError.None;
            return;
        }

        if (_failReads > 0 && (job.Operation == FileOperation.Read || job.Operation == FileOperation.List))
        {
            _failReads--;
            job.Fail(FileError.IoError);
            return;
        }

        if (string.IsNullOrEmpty(job.Path))
        {
            job.Fail(FileError.InvalidRequest);
            return;
        }

        string path = Normalize(job.Path);
        switch (job.Operation)
        {
            case FileOperation.Read:
                ExecuteRead(job, path);
                break;
            case FileOperation.Write:
            case FileOperation.Append:
                ExecuteWrite(job, path, job.Operation == FileOperation.Append);
                break;
            case FileOperation.Delete:
                _files.Remove(path);
                MetadataCommits++;
                job.Complete(0, 0, false);
                break;
            case FileOperation.Rename:
                ExecuteRename(job, path);
                break;
            case FileOperation.GetLength:
                if (_files.TryGetValue(path, out List<byte> file))
                {
                    job.Complete(0, file.Count, false);
                }
                else
                {
                    job.Fail(FileError.NotFound);
                }

                break;
            case FileOperation.List:
                ExecuteList(job, path);
                break;
            default:
                job.Fail(FileError.InvalidRequest);
                break;
        }
    }

    private void ExecuteRead(FileJob job, string path)
    {
        if (!_files.TryGetValue(path, out List<byte> data))
        {
            job.Fail(FileError.NotFound);
            return;
        }

        if (job.Buffer == null || job.Offset < 0 || job.Count < 0 || job.Offset + job.Count > job.Buffer.Length || job.Position < 0)
        {
            job.Fail(FileError.InvalidRequest);
            return;
        }

        int available = (int)Math.Max(0, Math.Min(job.Count, data.Count - job.Position));
        data.CopyTo((int)Math.Min(job.Position, data.Count), job.Buffer, job.Offset, available);
        job.Complete(available, data.Count, false);
    }

    private void ExecuteWrite(FileJob job, string path, bool append)
    {
        if (job.Buffer == null || job.Offset < 0 || job.Count < 0 || job.Offset + job.Count > job.Buffer.Length)
        {
            job.Fail(FileError.InvalidRequest);
            return;
        }

        _files.TryGetValue(path, out List<byte> existing);
        int newLength = (append && existing != null ? existing.Count : 0) + job.Count;
        long existingBlocks = existing == null ? 0 : BlocksFor(existing.Count);
        long usedWithout = UsedBytes - existingBlocks * BlockSizeBytes;

        // Copy-on-write, as LittleFS does: an overwrite holds the old and the new copy until its commit; an append
        // copies the partly filled last block. The job needs that transient space, not just the final size.
        long transientBlocks = append ? (existing != null && existing.Count % BlockSizeBytes != 0 ? 1 : 0) : existingBlocks;
        long neededBytes = usedWithout + (BlocksFor(newLength) + transientBlocks) * (long)BlockSizeBytes;
        if (neededBytes > CapacityBytes)
        {
            NoSpaceFailureCount++;
            job.Fail(FileError.NoSpace);
            return;
        }

        PeakUsedBytes = Math.Max(PeakUsedBytes, neededBytes);

        // Wear: every block the job programs must have been erased first. An append starts in the copy of the
        // partly filled last block (or a fresh block when the file ends on a block boundary).
        long firstBlock = append && existing != null ? existing.Count / BlockSizeBytes : 0;
        BlockErases += Math.Max(1, BlocksFor(newLength) - firstBlock);
        MetadataCommits++;

        // An overwrite reuses the file's list (the simulated flash must not allocate in a steady loop either, or the
        // firmware's allocation tests would measure the simulation).
        List<byte> data = existing ?? new List<byte>(job.Count);
        if (!append)
        {
            data.Clear();
        }

        for (int i = 0; i < job.Count; i++)
        {
            data.Add(job.Buffer[job.Offset + i]);
        }

        _files[path] = data;
        BytesWritten += job.Count;
        job.Complete(job.Count, data.Count, false);
    }

    private void ExecuteRename(FileJob job, string path)
    {
        if (string.IsNullOrEmpty(job.NewPath))
        {
            job.Fail(FileError.InvalidRequest);
            return;
        }

        if (!_files.Remove(path, out List<byte> data))
        {
            job.Fail(FileError.NotFound);
            return;
        }

        _files[Normalize(job.NewPath)] = data;
        MetadataCommits++;
        job.Complete(0, data.Count, false);
    }

    private void ExecuteList(FileJob job, string directory)
    {
        if (job.Names == null)
        {
            job.Fail(FileError.InvalidRequest);
            return;
        }

        string prefix = directory.EndsWith('\\') ? directory : directory + "\\";
        var names = new List<string>();
        foreach (string name in _files.Keys)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.IndexOf('\\', prefix.Length) < 0)
            {
                names.Add(name.Substring(prefix.Length));
            }
        }

        names.Sort(StringComparer.Ordinal);
        int n = Math.Min(names.Count, job.Names.Length);
        for (int i = 0; i < n; i++)
        {
            job.Names[i] = names[i];
        }

        job.Complete(n, 0, names.Count > n);
    }

    private long BlocksFor(int length) => Math.Max(1, (length + BlockSizeBytes - 1) / BlockSizeBytes);

    private static string Normalize(string path) => path.Replace('/', '\\');
}
