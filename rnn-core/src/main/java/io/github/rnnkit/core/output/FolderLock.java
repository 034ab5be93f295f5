package io.github.rnnkit.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An exclusive lock on an output folder, held by one writer at a time across processes: an
 * operating-system lock ({@link FileChannel#tryLock()}) on {@code .NAME.lock} beside the folder,
 * which names the holder (process id and start time) for the refusal message. The lock dies with
 * its process, so a killed writer never leaves a stale lock behind; the (empty) lock file stays.
 */
public final class FolderLock implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param target the folder to guard (it need not exist; its parent must)
     * @return the lock file's path, {@code .NAME.lock} beside {@code target}
     */
    public static Path lockFile(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".lock");
    }

    /**
     * Takes the lock on {@code target}, or fails at once if another writer holds it.
     *
     * @param target the folder to guard; its parent must exist
     * @return the lock; close it to release
     * @throws FolderBusyException naming the process that holds the lock
     */
    public static FolderLock acquire(Path target) {
        Path file = lockFile(target);
        FileChannel ch = null;
        {
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = holder(ch);
                    ch.close();
                    throw new FolderBusyException(target + " is being written by " + holder
                            + "; wait for it to finish or choose another folder (lock file " + file + ")");
                }
                byte[] who = ("process " + ProcessHandle.current().pid() + " since " + LocalDateTime.now().format(TIME) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(who), 0);
                ch.force(true);
                return new FolderLock(ch, lock);
            } catch (IOException e) {
                closeQuietly(ch);
                throw new UncheckedIOException("cannot lock " + target + " (" + file + "): " + IoReason.of(e), e);
            }
        }
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(200);
            int n = ch.read(buf, 0);
            String text = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                return "another process";
            }
            return text.startsWith("process " + ProcessHandle.current().pid() + " ") ? "this process (" + text + ")" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    /**
     * Releases the lock. The empty lock file stays: deleting it would let a writer that opened it
     * just before lock a file no one else can see any more.
     */
    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException ignored) {
            // only the holder's name is left behind
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to keep
            }
        }
    }
}
