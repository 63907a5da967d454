package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

const (
	mergePatch     = "application/merge-patch+json"
	requestTimeout = 30 * time.Second
)

// apiClient sends requests to the API server over one HTTP/2 connection (the default transport
// negotiates it with TLS) and counts them by verb, for the log at exit.
type apiClient struct {
	server string
	token  string
	http   *http.Client
	// watches have a connection of their own: see newAPIClient.
	watches *http.Client
	mu      sync.Mutex
	counts  map[string]int
	proto   string
}

type credentials struct {
	caFile, certFile, keyFile, tokenFile string
	insecure                             bool
}

func newAPIClient(server string, creds credentials) (*apiClient, error) {
	config := &tls.Config{InsecureSkipVerify: creds.insecure}
	if creds.caFile != "" {
		pem, err := os.ReadFile(creds.caFile)
		if err != nil {
			return nil, err
		}
		config.RootCAs = x509.NewCertPool()
		if !config.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("no certificate in %s", creds.caFile)
		}
	}
	if creds.certFile != "" {
		pair, err := tls.LoadX509KeyPair(creds.certFile, creds.keyFile)
		if err != nil {
			return nil, err
		}
		config.Certificates = []tls.Certificate{pair}
	}
	token := ""
	if creds.tokenFile != "" {
		raw, err := os.ReadFile(creds.tokenFile)
		if err != nil {
			return nil, err
		}
		token = strings.TrimSpace(string(raw))
	}
	// A clone keeps ForceAttemptHTTP2, which a transport with its own TLS config needs for HTTP/2.
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = config
	// Should the server not speak HTTP/2, keep the connections of a full burst open for reuse.
	transport.MaxIdleConnsPerHost = maxInFlight
	return &apiClient{
		server: strings.TrimRight(server, "/"),
		token:  token,
		http:   &http.Client{Transport: transport},
		// On the connection of a burst of writes, the API server's writes of watch events queue
		// behind the answers, and its watch cache drops a watcher that falls ten events behind.
		watches: &http.Client{Transport: transport.Clone()},
		counts:  map[string]int{},
	}, nil
}

// statusError is an answer other than 2xx.
type statusError struct {
	code int
	body string
}

func (e *statusError) Error() string {
	return fmt.Sprintf("HTTP %d: %s", e.code, e.body)
}

func hasCode(err error, code int) bool {
	var s *statusError
	return errors.As(err, &s) && s.code == code
}

// send makes one request with a timeout and returns the body of a 2xx answer.
func (c *apiClient) send(ctx context.Context, method, path, contentType string, body []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	resp, err := c.open(ctx, method, path, contentType, body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// open makes one request and returns the answer to read, when 2xx; for a watch.
func (c *apiClient) open(ctx context.Context, method, path, contentType string, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.server+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	watch := req.URL.Query().Has("watch")
	c.count(method, watch)
	client := c.http
	if watch {
		client = c.watches
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	c.noteProto(resp.Proto)
	if resp.StatusCode/100 != 2 {
		defer resp.Body.Close()
		text, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return nil, &statusError{resp.StatusCode, strings.TrimSpace(string(text))}
	}
	return resp, nil
}

func (c *apiClient) count(method string, watch bool) {
	key := method
	if watch {
		key = "WATCH"
	}
	c.mu.Lock()
	c.counts[key]++
	c.mu.Unlock()
}

func (c *apiClient) noteProto(proto string) {
	c.mu.Lock()
	c.proto = proto
	c.mu.Unlock()
}

// summary is the requests made by verb and the protocol of the last answer.
func (c *apiClient) summary() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return fmt.Sprintf("requests %v over %s", c.counts, c.proto)
}
