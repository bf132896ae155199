package org.frameproof.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A class on the class path that a hostile file names as one of its data types: H2 instantiates
 * it when it reads the file's type registry, and it writes the file named by the system property
 * {@value #MARKER} when it is.
 */
public final class PlantedType extends BasicDataType<Object> {
    static final String MARKER = "frameproof.test.plantedTypeMarker";

    public PlantedType() {
        try {
            Files.writeString(Path.of(System.getProperty(MARKER)), "instantiated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getMemory(Object value) {
        return 0;
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return null;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
