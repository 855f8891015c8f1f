package io.sigil.store.internal;

import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBoxException;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AssignmentStatus;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.model.User;
import io.sigil.iam.model.VirtualMfaDevice;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.MfaDeviceStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Virtual MFA devices. The seed column holds {@code SecretBox.seal(seed, "mfa-seed:<account>:<serial number>")}, so
 * no seed reaches the database in clear and a sealed seed moved to another row does not open. Changes are
 * MFA_DEVICE events, and USER events of the user a device is enabled for or taken from.
 */
final class JdbcMfaDevices implements MfaDeviceStore {

    private static final String SELECT = "SELECT d.serial_number, d.account_id, d.name, d.path, d.create_date, "
            + "d.user_id, d.enable_date, d.drift_steps, d.last_used_step, lower(d.serial_number) AS sort_key, "
            + "u.name AS u_name, u.path AS u_path, u.create_date AS u_create_date, "
            + "u.permissions_boundary_arn AS u_boundary, u.password_last_used AS u_password_last_used, "
            + "u.version AS u_version FROM virtual_mfa_devices d LEFT JOIN users u ON u.id = d.user_id";
    private static final String BY_SERIAL = " WHERE d.account_id = ? AND lower(d.serial_number) = lower(?)";

    private final JdbcTx tx;

    JdbcMfaDevices(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public VirtualMfaDevice create(VirtualMfaDevice d, byte[] seed) {
        tx.lockAccount(d.accountId());
        if (tx.db.count("SELECT count(*) FROM virtual_mfa_devices WHERE account_id = ? AND lower(name) = lower(?)",
                d.accountId(), d.name()) > 0) {
            throw alreadyExists();
        }
        long count = tx.db.count("SELECT count(*) FROM virtual_mfa_devices WHERE account_id = ?", d.accountId());
        if (count >= tx.limits.usersPerAccount()) {
            throw IamException.quotaExceeded("VirtualMFADevicesPerAccount", tx.limits.usersPerAccount());
        }
        byte[] sealed = tx.secretBox.seal(seed, associatedData(d.accountId(), d.serialNumber()));
        tx.guarded(() -> tx.db.update("INSERT INTO virtual_mfa_devices (serial_number, account_id, name, path, "
                        + "create_date, seed, drift_steps) VALUES (?, ?, ?, ?, ?, ?, 0)", d.serialNumber(),
                d.accountId(), d.name(), d.path(), d.createDate(), sealed), JdbcMfaDevices::alreadyExists, null);
        JdbcTags.insertNew(tx, TaggableKind.MFA_DEVICE, d.serialNumber(), d.tags());
        tx.changed(EntityKind.MFA_DEVICE, d.accountId(), d.serialNumber());
        return get(d.accountId(), d.serialNumber());
    }

    @Override
    public Optional<VirtualMfaDevice> find(String accountId, String serialNumber) {
        return tx.db.queryOne(SELECT + BY_SERIAL, JdbcMfaDevices::map, accountId, serialNumber).map(this::withTags);
    }

    @Override
    public VirtualMfaDevice lock(String accountId, String serialNumber) {
        return tx.db.queryOne("SELECT serial_number FROM virtual_mfa_devices WHERE account_id = ? "
                        + "AND lower(serial_number) = lower(?)" + tx.dialect.forUpdate(), rs -> rs.getString(1),
                accountId, serialNumber).flatMap(s -> find(accountId, s))
                .orElseThrow(() -> MfaDeviceStore.noSuchDevice(serialNumber));
    }

    @Override
    public byte[] seed(String accountId, String serialNumber) {
        return tx.db.queryOne("SELECT serial_number, seed FROM virtual_mfa_devices WHERE account_id = ? "
                + "AND lower(serial_number) = lower(?)", rs -> {
                    try {
                        return tx.secretBox.open(rs.getBytes("seed"),
                                associatedData(accountId, rs.getString("serial_number")));
                    } catch (SecretBoxException e) {
                        throw IamException.serviceFailure(e); // wrong master key or a tampered row: our fault
                    }
                }, accountId, serialNumber).orElseThrow(() -> MfaDeviceStore.noSuchDevice(serialNumber));
    }

    @Override
    public Page<VirtualMfaDevice> list(String accountId, AssignmentStatus status, PageRequest page) {
        SqlArgs q = new SqlArgs(SELECT + " WHERE d.account_id = ?", accountId);
        if (status == AssignmentStatus.ASSIGNED) {
            q.add(" AND d.user_id IS NOT NULL");
        } else if (status == AssignmentStatus.UNASSIGNED) {
            q.add(" AND d.user_id IS NULL");
        }
        return page(q, page);
    }

    @Override
    public Page<VirtualMfaDevice> listForUser(String accountId, String userId, PageRequest page) {
        return page(new SqlArgs(SELECT + " WHERE d.account_id = ? AND d.user_id = ?", accountId, userId), page);
    }

    private Page<VirtualMfaDevice> page(SqlArgs q, PageRequest page) {
        q.addIf(Markers.after(page), " AND lower(d.serial_number) > ?")
                .add(" ORDER BY lower(d.serial_number) LIMIT ?", Markers.limit(page));
        Page<Keyed<VirtualMfaDevice>> rows = Markers.page(tx.db.query(q.sql(),
                rs -> new Keyed<>(rs.getString("sort_key"), map(rs)), q.args()), page, Keyed::sortKey);
        return rows.map(Keyed::value);
    }

    @Override
    public int countForUser(String userId) {
        return (int) tx.db.count("SELECT count(*) FROM virtual_mfa_devices WHERE user_id = ?", userId);
    }

    /** Locks the user row, so that two racing enables cannot both pass the per-user quota. */
    @Override
    public VirtualMfaDevice assign(String accountId, String serialNumber, String userId, Instant enableDate,
            int driftSteps, long lastUsedStep) {
        tx.db.queryOne("SELECT id FROM users WHERE id = ?" + tx.dialect.forUpdate(), rs -> rs.getString(1), userId);
        if (countForUser(userId) >= Limits.MFA_DEVICES_PER_USER) {
            throw IamException.quotaExceeded("MFADevicesPerUser", Limits.MFA_DEVICES_PER_USER);
        }
        int n = tx.db.update("UPDATE virtual_mfa_devices SET user_id = ?, enable_date = ?, drift_steps = ?, "
                        + "last_used_step = ? WHERE account_id = ? AND lower(serial_number) = lower(?) "
                        + "AND user_id IS NULL", userId, enableDate, driftSteps, lastUsedStep, accountId,
                serialNumber);
        if (n == 0) {
            throw find(accountId, serialNumber).isPresent()
                    ? IamException.entityAlreadyExists("MFA Device is already in use.")
                    : MfaDeviceStore.noSuchDevice(serialNumber);
        }
        VirtualMfaDevice d = get(accountId, serialNumber);
        tx.changed(EntityKind.MFA_DEVICE, accountId, d.serialNumber());
        tx.changed(EntityKind.USER, accountId, userId);
        return d;
    }

    /** A code's use changes no authorization decision: no event. */
    @Override
    public void recordUse(String accountId, String serialNumber, int driftSteps, long lastUsedStep) {
        tx.db.update("UPDATE virtual_mfa_devices SET drift_steps = ?, last_used_step = ? WHERE account_id = ? "
                + "AND lower(serial_number) = lower(?)", driftSteps, lastUsedStep, accountId, serialNumber);
    }

    @Override
    public void unassign(String accountId, String serialNumber) {
        VirtualMfaDevice d = get(accountId, serialNumber);
        tx.db.update("UPDATE virtual_mfa_devices SET user_id = NULL, enable_date = NULL, drift_steps = 0 "
                + "WHERE serial_number = ?", d.serialNumber());
        tx.changed(EntityKind.MFA_DEVICE, accountId, d.serialNumber());
        if (d.user() != null) {
            tx.changed(EntityKind.USER, accountId, d.user().id());
        }
    }

    @Override
    public void delete(String accountId, String serialNumber) {
        VirtualMfaDevice d = lock(accountId, serialNumber);
        if (d.isAssigned()) {
            throw IamException.deleteConflict("MFA VirtualDevice in use. Must deactivate first.");
        }
        tx.db.update("DELETE FROM virtual_mfa_devices WHERE serial_number = ?", d.serialNumber());
        tx.changed(EntityKind.MFA_DEVICE, accountId, d.serialNumber());
    }

    static byte[] associatedData(String accountId, String serialNumber) {
        return ("mfa-seed:" + accountId + ":" + serialNumber).getBytes(StandardCharsets.UTF_8);
    }

    private static IamException alreadyExists() {
        return IamException.entityAlreadyExists("MFA device already exists.");
    }

    private VirtualMfaDevice withTags(VirtualMfaDevice d) {
        List<io.sigil.iam.model.Tag> tags = JdbcTags.forOwners(tx, TaggableKind.MFA_DEVICE, List.of(d.serialNumber()))
                .getOrDefault(d.serialNumber(), List.of());
        return new VirtualMfaDevice(d.accountId(), d.serialNumber(), d.name(), d.path(), d.createDate(), d.user(),
                d.enableDate(), tags, d.driftSteps(), d.lastUsedStep());
    }

    private static VirtualMfaDevice map(ResultSet rs) throws SQLException {
        String userId = rs.getString("user_id");
        User user = userId == null ? null : new User(rs.getString("account_id"), rs.getString("u_name"),
                rs.getString("u_path"), userId, Db.instant(rs, "u_create_date"), rs.getString("u_boundary"),
                Db.instant(rs, "u_password_last_used"), List.of(), rs.getLong("u_version"));
        long last = rs.getLong("last_used_step");
        Long lastUsed = rs.wasNull() ? null : last;
        return new VirtualMfaDevice(rs.getString("account_id"), rs.getString("serial_number"), rs.getString("name"),
                rs.getString("path"), Db.instant(rs, "create_date"), user, Db.instant(rs, "enable_date"), List.of(),
                rs.getInt("drift_steps"), lastUsed);
    }
}
