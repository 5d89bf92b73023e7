package admission

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func TestDefaultSecret(t *testing.T) {
	s := &corev1.Secret{
		ObjectMeta: objectMeta("creds"),
		Data:       map[string][]byte{"user": []byte("old"), "keep": []byte("k")},
		StringData: map[string]string{"user": "admin", "pass": "pw"},
	}
	Default(s)
	if s.Type != corev1.SecretTypeOpaque {
		t.Errorf("type = %q, want Opaque", s.Type)
	}
	if string(s.Data["user"]) != "admin" || string(s.Data["pass"]) != "pw" || string(s.Data["keep"]) != "k" || s.StringData != nil {
		t.Errorf("stringData not merged into data: %v %v", s.Data, s.StringData)
	}
}

func TestValidateSecret(t *testing.T) {
	tests := []struct {
		name   string
		secret corev1.Secret
		want   []want
	}{
		{"opaque", corev1.Secret{Data: map[string][]byte{"password": []byte("x")}}, nil},
		{"bad key", corev1.Secret{Data: map[string][]byte{"a b": nil}}, []want{invalidAt("data[a b]")}},
		{"tls missing key", corev1.Secret{Type: corev1.SecretTypeTLS, Data: map[string][]byte{"tls.crt": []byte("c")}},
			[]want{required("data[tls.key]")}},
		{"dockerconfigjson not JSON", corev1.Secret{Type: corev1.SecretTypeDockerConfigJson,
			Data: map[string][]byte{".dockerconfigjson": []byte("{")}}, []want{invalidAt("data[.dockerconfigjson]")}},
		{"dockerconfigjson", corev1.Secret{Type: corev1.SecretTypeDockerConfigJson,
			Data: map[string][]byte{".dockerconfigjson": []byte(`{"auths":{}}`)}}, nil},
		{"basic-auth empty", corev1.Secret{Type: corev1.SecretTypeBasicAuth},
			[]want{required("data[username]"), required("data[password]")}},
		{"service account token without annotation", corev1.Secret{Type: corev1.SecretTypeServiceAccountToken},
			[]want{required("metadata.annotations[kubernetes.io/service-account.name]")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.secret
			s.ObjectMeta = objectMeta("creds")
			Default(&s)
			expectErrs(t, ValidateCreate(&s), tt.want...)
		})
	}
}

func TestValidateSecretUpdate(t *testing.T) {
	old := &corev1.Secret{ObjectMeta: objectMeta("creds"), Data: map[string][]byte{"a": []byte("1")}}
	Default(old)
	changed := old.DeepCopy()
	changed.Data["a"] = []byte("2")
	expectErrs(t, ValidateUpdate(changed, old))

	retyped := old.DeepCopy()
	retyped.Type = corev1.SecretTypeSSHAuth
	retyped.Data["ssh-privatekey"] = []byte("k")
	expectErrs(t, ValidateUpdate(retyped, old), invalidAt("type"))

	old.Immutable = new(true)
	frozen := old.DeepCopy()
	frozen.Data["a"] = []byte("3")
	expectErrs(t, ValidateUpdate(frozen, old), forbidden("data"))
}
