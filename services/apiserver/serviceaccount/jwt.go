package serviceaccount

import (
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
)

var b64 = base64.RawURLEncoding

// header is the fixed JOSE header of every token.
var header = b64.EncodeToString([]byte(`{"alg":"ES256","typ":"JWT"}`))

// sign returns the compact JWS of claims.
func sign(key *ecdsa.PrivateKey, claims any) (string, error) {
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	input := header + "." + b64.EncodeToString(payload)
	sum := sha256.Sum256([]byte(input))
	r, s, err := ecdsa.Sign(rand.Reader, key, sum[:])
	if err != nil {
		return "", err
	}
	sig := make([]byte, 64)
	r.FillBytes(sig[:32])
	s.FillBytes(sig[32:])
	return input + "." + b64.EncodeToString(sig), nil
}

var errMalformed = errors.New("serviceaccount: malformed token")

// verify checks the signature and decodes the claims into out.
func verify(pub *ecdsa.PublicKey, token string, out any) error {
	parts := strings.Split(token, ".")
	if len(parts) != 3 || parts[0] != header {
		return errMalformed
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil || len(sig) != 64 {
		return errMalformed
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])
	if !ecdsa.Verify(pub, sum[:], r, s) {
		return errors.New("serviceaccount: bad signature")
	}
	payload, err := b64.DecodeString(parts[1])
	if err != nil {
		return errMalformed
	}
	return json.Unmarshal(payload, out)
}
