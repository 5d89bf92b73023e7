package serviceaccount

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"slices"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Issuer is the iss claim, as Kubernetes' default.
const Issuer = "https://kubernetes.default.svc.cluster.local"

// claims are those of a Kubernetes bound service account token.
type claims struct {
	Issuer     string   `json:"iss"`
	Subject    string   `json:"sub"`
	Audience   []string `json:"aud"`
	Expiry     int64    `json:"exp"`
	IssuedAt   int64    `json:"iat"`
	NotBefore  int64    `json:"nbf"`
	Kubernetes struct {
		Namespace      string `json:"namespace"`
		ServiceAccount struct {
			Name string `json:"name"`
			UID  string `json:"uid"`
		} `json:"serviceaccount"`
	} `json:"kubernetes.io"`
}

// Tokens issues and verifies tokens with one key.
type Tokens struct {
	key   *ecdsa.PrivateKey
	clock func() time.Time
}

// NewTokens returns Tokens signing with key; clock is injected for tests.
func NewTokens(key *ecdsa.PrivateKey, clock func() time.Time) *Tokens {
	if clock == nil {
		clock = time.Now
	}
	return &Tokens{key: key, clock: clock}
}

// Issue returns a token for sa valid for ttl and the audiences.
func (t *Tokens) Issue(sa *corev1.ServiceAccount, audiences []string, ttl time.Duration) (string, time.Time, error) {
	now := t.clock()
	exp := now.Add(ttl)
	var c claims
	c.Issuer, c.Subject, c.Audience = Issuer, Username(sa.Namespace, sa.Name), audiences
	c.Expiry, c.IssuedAt, c.NotBefore = exp.Unix(), now.Unix(), now.Unix()
	c.Kubernetes.Namespace = sa.Namespace
	c.Kubernetes.ServiceAccount.Name, c.Kubernetes.ServiceAccount.UID = sa.Name, string(sa.UID)
	tok, err := sign(t.key, c)
	return tok, exp, err
}

// Identity is who a verified token speaks for.
type Identity struct {
	Namespace, Name, UID string
}

// Verify checks a token's signature, issuer and lifetime. The caller must
// still check the account exists with the same UID, so that deleting an
// account revokes its tokens.
func (t *Tokens) Verify(token string) (Identity, error) {
	var c claims
	if err := verify(&t.key.PublicKey, token, &c); err != nil {
		return Identity{}, err
	}
	now := t.clock().Unix()
	switch {
	case c.Issuer != Issuer:
		return Identity{}, errors.New("serviceaccount: unknown issuer")
	case now >= c.Expiry || now < c.NotBefore-60:
		return Identity{}, errors.New("serviceaccount: token expired")
	case !slices.Contains(c.Audience, Issuer) && len(c.Audience) > 0 && !slices.Contains(c.Audience, "kubus"):
		return Identity{}, fmt.Errorf("serviceaccount: token audiences %v are not this cluster", c.Audience)
	}
	return Identity{Namespace: c.Kubernetes.Namespace, Name: c.Kubernetes.ServiceAccount.Name, UID: c.Kubernetes.ServiceAccount.UID}, nil
}

// Username is a service account's user name.
func Username(ns, name string) string { return "system:serviceaccount:" + ns + ":" + name }
