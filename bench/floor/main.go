// The benchmark's floor (bench/README.md): a kubelet that does nothing but the API requests a
// kubelet must make, at the lowest CPU cost, so that the control plane's limit is what it meets.
// It registers a Ready node, renews its lease, sets each pod of the node Running and Ready with
// one status patch, and finishes each deletion with a status patch and a DELETE.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	server := flag.String("server", "", "the API server's URL")
	node := flag.String("node", "bench-floor", "the node's name")
	var creds credentials
	flag.StringVar(&creds.caFile, "ca-file", "", "PEM file of the CA the API server's certificate chains to")
	flag.StringVar(&creds.certFile, "cert-file", "", "PEM file of the client certificate")
	flag.StringVar(&creds.keyFile, "key-file", "", "PEM file of the client certificate's key")
	flag.StringVar(&creds.tokenFile, "token-file", "", "file holding a bearer token")
	flag.BoolVar(&creds.insecure, "insecure-skip-tls-verify", false, "do not check the server's certificate")
	flag.Parse()
	if *server == "" {
		fmt.Fprintln(os.Stderr, "bench-floor: --server is required")
		os.Exit(2)
	}
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)
	if err := run(*server, *node, creds); err != nil {
		log.Fatal(err)
	}
}

// run serves the node until SIGTERM or SIGINT, then returns; the node and its pods stay.
func run(server, node string, creds credentials) error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	api, err := newAPIClient(server, creds)
	if err != nil {
		return err
	}
	uid, err := registerNode(ctx, api, node)
	if err != nil {
		return err
	}
	log.Printf("node %s registered and Ready", node)
	leases := &leaseKeeper{api: api, node: node, nodeUID: uid}
	done := make(chan struct{})
	go func() {
		leases.run(ctx)
		close(done)
	}()
	newPodLoop(api, node).run(ctx)
	<-done
	log.Printf("stopped: %s", api.summary())
	return nil
}
