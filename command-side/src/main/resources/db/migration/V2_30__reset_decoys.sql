-- A reset requested for a number nobody holds leaves a decoy code with no user, so that verifying it answers
-- exactly as for a number that has an account (attempts counted, voided after five).
ALTER TABLE password_reset_code ALTER COLUMN user_id DROP NOT NULL;

-- Login pads its PBKDF2 work to the costliest legacy hash still stored (PasswordHasher.verifyUniformly).
CREATE INDEX user_credentials_legacy_hash ON user_credentials (user_id) WHERE password_hash LIKE 'pbkdf2\_sha256$%';
