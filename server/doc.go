// Package server is controlmap's HTTP layer: the echo routes, thin handlers
// that parse parameters and render answers built by the wire encoders, the one
// error handler (RFC 9457 problem details), and the server's lifecycle. It is
// the only package that imports echo.
package server
