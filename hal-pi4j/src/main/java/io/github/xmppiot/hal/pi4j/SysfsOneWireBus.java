package io.github.xmppiot.hal.pi4j;

import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.OneWireId;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * 1-Wire through the Linux w1 sysfs tree ({@code /sys/bus/w1/devices/<id>/<file>}); Pi4J 2.8.0 has no 1-Wire
 * support. Entries that are not slave ids (such as {@code w1_bus_master1}) are skipped.
 */
final class SysfsOneWireBus implements OneWireBus {

    private final Path root;

    SysfsOneWireBus(Path root) {
        this.root = root;
    }

    @Override
    public String id() {
        return "onewire:" + root;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        // nothing held open between calls
    }

    @Override
    public List<OneWireId> devices() throws HalException {
        List<OneWireId> ids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.matches("[0-9a-fA-F]{2}-[0-9a-fA-F]{12}")) {
                    ids.add(OneWireId.of(name));
                }
            }
        } catch (IOException e) {
            throw new HalException(HalException.Kind.IO_ERROR, "cannot list 1-Wire slaves in " + root, e);
        }
        ids.sort((a, b) -> a.value().compareTo(b.value()));
        return ids;
    }

    private Path slave(OneWireId device) throws HalException {
        Path dir = root.resolve(device.value());
        if (!Files.isDirectory(dir)) {
            throw new HalException(HalException.Kind.DEVICE_NOT_FOUND, "1-Wire slave " + device + " is not present");
        }
        return dir;
    }

    @Override
    public byte[] readFile(OneWireId device, String file) throws HalException {
        OneWireBus.checkFileName(file);
        Path path = slave(device).resolve(file);
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new HalException(HalException.Kind.IO_ERROR, "no file " + path, e);
        } catch (IOException e) {
            throw new HalException(HalException.Kind.IO_ERROR, "cannot read " + path, e);
        }
    }

    @Override
    public void writeFile(OneWireId device, String file, byte[] data) throws HalException {
        OneWireBus.checkFileName(file);
        Path path = slave(device).resolve(file);
        try {
            Files.write(path, data, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new HalException(HalException.Kind.IO_ERROR, "cannot write " + path, e);
        }
    }
}
