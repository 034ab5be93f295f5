package io.github.rnnkit.core.torch;

import io.github.rnnkit.data.DataException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives ({@code np.savez}, {@code np.savez_compressed}):
 * a zip of {@code .npy} files, one per named array. Supports little-endian float32 and float64
 * (and the int and bool types as numbers), C or Fortran order, format versions 1 to 3.
 */
public final class Npz {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npz() {
    }

    /**
     * @param file an .npz archive (as {@code numpy.savez} writes)
     * @return the arrays by name, in file order
     * @throws DataException for a missing file, a file that is not an .npz, or an array type it
     * cannot read, naming the file and the array
     */
    public static Map<String, NpyArray> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new DataException(file.toString(), "file not found");
        } catch (IOException e) {
            throw new DataException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads an archive from a stream; {@code source} names it in errors.
     *
     * @param source the archive's name in errors
     * @param in the archive's bytes
     * @return the arrays by name, in archive order
     */
    public static Map<String, NpyArray> read(String source, InputStream in) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                out.put(name, readNpy(source + " [" + name + "]", zip.readAllBytes()));
            }
        } catch (ZipException e) {
            throw new DataException(source, "not an .npz archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException(source, "cannot read: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new DataException(source, "not an .npz archive, or an empty one (save it with numpy.savez)");
        }
        return out;
    }

    static NpyArray readNpy(String source, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : MAGIC) {
            if (b.remaining() == 0 || b.get() != m) {
                throw new DataException(source, "not a .npy array");
            }
        }
        int major = b.get();
        b.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        String header = new String(bytes, b.position(), headerLength, major >= 3 ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1);
        b.position(b.position() + headerLength);
        String descr = group(DESCR, header, source);
        boolean fortran = group(FORTRAN, header, source).equals("True");
        long[] shape = shape(group(SHAPE, header, source));
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] data = new double[Math.toIntExact(n)];
        Reader r = reader(descr, source);
        if (b.remaining() < n * r.size) {
            throw new DataException(source, "truncated: " + n + " values of " + r.size + " bytes expected");
        }
        for (int i = 0; i < data.length; i++) {
            data[i] = r.read(b);
        }
        if (fortran && shape.length > 1) {
            data = toRowMajor(data, shape);
        }
        return new NpyArray(shape, data, descr.endsWith("f8"));
    }

    private interface Read {
        double apply(ByteBuffer b);
    }

    private record Reader(int size, Read read) {
        double read(ByteBuffer b) {
            return read.apply(b);
        }
    }

    private static Reader reader(String descr, String source) {
        if (descr.startsWith(">")) {
            throw new DataException(source, "big-endian arrays (" + descr + ") are not supported; save little-endian");
        }
        return switch (descr.replaceFirst("^[<=|]", "")) {
            case "f4" -> new Reader(4, ByteBuffer::getFloat);
            case "f8" -> new Reader(8, ByteBuffer::getDouble);
            case "i4" -> new Reader(4, ByteBuffer::getInt);
            case "i8" -> new Reader(8, b -> (double) b.getLong());
            case "b1", "u1" -> new Reader(1, b -> (double) Byte.toUnsignedInt(b.get()));
            default -> throw new DataException(source, "array type '" + descr + "' is not supported (use float32 or float64)");
        };
    }

    private static String group(Pattern p, String header, String source) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new DataException(source, "malformed .npy header: " + header.trim());
        }
        return m.group(1);
    }

    private static long[] shape(String text) {
        String[] parts = text.split(",");
        return java.util.Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    private static double[] toRowMajor(double[] colMajor, long[] shape) {
        int rank = shape.length;
        double[] out = new double[colMajor.length];
        int[] idx = new int[rank];
        for (int i = 0; i < colMajor.length; i++) {
            int rowMajor = 0;
            for (int d = 0; d < rank; d++) {
                rowMajor = (int) (rowMajor * shape[d] + idx[d]);
            }
            out[rowMajor] = colMajor[i];
            for (int d = 0; d < rank && ++idx[d] == shape[d]; d++) {
                idx[d] = 0;
            }
        }
        return out;
    }

    /**
     * Writes arrays as an .npz archive, each as float32 or float64 as it says.
     *
     * @param file the .npz file to write
     * @param arrays the arrays by name
     * @throws java.io.IOException when the file cannot be written
     */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, arrays);
        }
    }

    /**
     * Writes arrays as an .npz archive to a stream, which is left open.
     *
     * @param out the stream
     * @param arrays the arrays by name
     * @throws IOException when the stream cannot be written
     */
    public static void write(OutputStream out, Map<String, NpyArray> arrays) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
            zip.write(npy(e.getValue()));
            zip.closeEntry();
        }
        zip.finish();
    }

    static byte[] npy(NpyArray a) {
        StringBuilder shape = new StringBuilder();
        for (long d : a.shape()) {
            shape.append(d).append(", ");
        }
        String dims = a.rank() == 1 ? shape.toString().trim() : shape.toString().replaceAll(", $", "");
        String header = "{'descr': '" + (a.float64() ? "<f8" : "<f4") + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int total = MAGIC.length + 2 + 2 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(MAGIC);
        bytes.write(1);
        bytes.write(0);
        bytes.write(header.length() & 0xff);
        bytes.write(header.length() >> 8);
        bytes.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer b = ByteBuffer.allocate(a.data().length * (a.float64() ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : a.data()) {
            if (a.float64()) {
                b.putDouble(v);
            } else {
                b.putFloat((float) v);
            }
        }
        bytes.writeBytes(b.array());
        return bytes.toByteArray();
    }
}
