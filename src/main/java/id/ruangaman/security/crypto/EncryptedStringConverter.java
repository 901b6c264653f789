package id.ruangaman.security.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a String column as AES-256-GCM ciphertext (bytea). Use with {@code @Convert}. */
@Converter
@ApplicationScoped
public class EncryptedStringConverter implements AttributeConverter<String, byte[]> {

    @Inject
    FieldCipher cipher;

    @Override
    public byte[] convertToDatabaseColumn(String attribute) {
        return cipher.encryptString(attribute);
    }

    @Override
    public String convertToEntityAttribute(byte[] dbData) {
        return cipher.decryptString(dbData);
    }
}
