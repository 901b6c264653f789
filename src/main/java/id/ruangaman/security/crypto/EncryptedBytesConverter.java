package id.ruangaman.security.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores binary content (media evidence) as AES-256-GCM ciphertext. Use with {@code @Convert}. */
@Converter
@ApplicationScoped
public class EncryptedBytesConverter implements AttributeConverter<byte[], byte[]> {

    @Inject
    FieldCipher cipher;

    @Override
    public byte[] convertToDatabaseColumn(byte[] attribute) {
        return attribute == null ? null : cipher.encrypt(attribute);
    }

    @Override
    public byte[] convertToEntityAttribute(byte[] dbData) {
        return dbData == null ? null : cipher.decrypt(dbData);
    }
}
