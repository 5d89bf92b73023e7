package client

import "context"

// StartInformers runs informers until ctx ends and waits until every one
// holds its first snapshot; it returns ctx's error if ctx ends first.
func StartInformers(ctx context.Context, infs ...*Informer) error {
	for _, inf := range infs {
		go func() { _ = inf.Run(ctx) }()
	}
	for _, inf := range infs {
		if err := inf.WaitSynced(ctx); err != nil {
			return err
		}
	}
	return nil
}
