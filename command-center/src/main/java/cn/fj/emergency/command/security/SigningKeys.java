package cn.fj.emergency.command.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.fj.emergency.command.Digests;

/**
 * The hub's ES256 (P-256) signing key pair, kept in one PEM file holding both keys. Every hub instance must read
 * the same file; the first instance to start on an empty key folder creates it, atomically and only if the folder
 * still holds none, so instances racing at first start still agree.
 */
public final class SigningKeys {

	static final String FILE_NAME = "hub-signing-key.pem";

	private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	private final String keyId;

	private SigningKeys(PrivateKey privateKey, PublicKey publicKey) {
		this.privateKey = privateKey;
		this.publicKey = publicKey;
		this.keyId = thumbprint(publicKey);
	}

	/** Loads the key pair from {@code dir}, creating it first if the folder holds none. Start-up only. */
	public static SigningKeys loadOrCreate(Path dir) {
		Path file = dir.resolve(FILE_NAME);
		try {
			if (!Files.exists(file)) {
				create(dir, file);
			}
			return read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the signing key " + file.toAbsolutePath(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The signing key " + file.toAbsolutePath() + " is not a P-256 key pair", ex);
		}
	}

	private static void create(Path dir, Path file) throws IOException, GeneralSecurityException {
		Files.createDirectories(dir);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair pair = generator.generateKeyPair();
		String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
		Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
		try {
			Files.writeString(temp, pem, StandardCharsets.US_ASCII);
			// a hard link is created only if the name is free, atomically, and the file is complete when it appears;
			// a rename (even ATOMIC_MOVE) would replace a key another instance has already read
			Files.createLink(file, temp);
		}
		catch (FileAlreadyExistsException ex) {
			// another instance won the race: use its key
		}
		catch (UnsupportedOperationException ex) {
			// a file system without hard links: create-if-absent, then the content (a reader racing this first
			// start may find it empty and fail to start; restarting it reads the complete key)
			writeIfAbsent(file, pem);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static void writeIfAbsent(Path file, String pem) throws IOException {
		try {
			Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}
		catch (FileAlreadyExistsException ex) {
			// another instance won the race: use its key
		}
	}

	private static SigningKeys read(Path file) throws IOException, GeneralSecurityException {
		String text = Files.readString(file, StandardCharsets.US_ASCII);
		byte[] privateDer = null;
		byte[] publicDer = null;
		Matcher matcher = BLOCK.matcher(text);
		while (matcher.find()) {
			byte[] der = Base64.getMimeDecoder().decode(matcher.group(2).trim());
			if (matcher.group(1).equals("PRIVATE KEY")) {
				privateDer = der;
			}
			else if (matcher.group(1).equals("PUBLIC KEY")) {
				publicDer = der;
			}
		}
		if (privateDer == null || publicDer == null) {
			throw new IllegalStateException(file.toAbsolutePath() + " must hold a PRIVATE KEY and a PUBLIC KEY block");
		}
		KeyFactory factory = KeyFactory.getInstance("EC");
		return new SigningKeys(factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer)),
				factory.generatePublic(new X509EncodedKeySpec(publicDer)));
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	private static String thumbprint(PublicKey key) {
		return HexFormat.of().formatHex(Digests.sha256(key.getEncoded()), 0, 8);
	}

	public PrivateKey privateKey() {
		return this.privateKey;
	}

	public PublicKey publicKey() {
		return this.publicKey;
	}

	/** A short id of the public key, sent as the {@code kid} header so clients can pick the key to verify with. */
	public String keyId() {
		return this.keyId;
	}

}
