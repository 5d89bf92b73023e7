package storage

import (
	"errors"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
)

// toStatus turns a bus error into the Kubernetes error a client expects.
func toStatus(err error, r resources.Resource, name string) error {
	gr := r.GroupResource()
	switch {
	case err == nil:
		return nil
	case errors.Is(err, bus.ErrNotFound):
		return apierrors.NewNotFound(gr, name)
	case errors.Is(err, bus.ErrExists):
		return apierrors.NewAlreadyExists(gr, name)
	case errors.Is(err, bus.ErrConflict):
		return apierrors.NewConflict(gr, name, errors.New(errConflictMsg))
	case errors.Is(err, bus.ErrExpired):
		return apierrors.NewResourceExpired("too old resource version")
	default:
		return unavailable(err)
	}
}

const errConflictMsg = "the object has been modified; please apply your changes to the latest version and try again"

func unavailable(err error) error {
	if _, ok := err.(apierrors.APIStatus); ok {
		return err
	}
	return apierrors.NewServiceUnavailable("storage: " + err.Error())
}

func unavailableStatus(err error) *metav1.Status {
	st := apierrors.NewServiceUnavailable("watch: " + err.Error()).ErrStatus
	return &st
}
