// Package e2e drives a real `kubus server` process with the real kubectl
// and client-go, as a user would.
package e2e
