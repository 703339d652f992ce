// The Go material's random-number server, written from lesson06's README: one goroutine per
// connection, every line answered with a random number, STOP answered with BYE and closed.
// Like the naive C# baseline it has no limits and no timeouts. It prints its address on stdout.
package main

import (
	"bufio"
	"fmt"
	"math/rand"
	"net"
	"strconv"
	"strings"
)

func serve(conn net.Conn) {
	defer conn.Close()
	scanner := bufio.NewScanner(conn)
	writer := bufio.NewWriter(conn)
	for scanner.Scan() {
		line := strings.TrimSuffix(scanner.Text(), "\r")
		if line == "STOP" {
			writer.WriteString("BYE\n")
			writer.Flush()
			return
		}
		writer.WriteString(strconv.Itoa(rand.Int()))
		writer.WriteByte('\n')
		if writer.Flush() != nil {
			return
		}
	}
}

func main() {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	fmt.Println(listener.Addr().String())
	for {
		conn, err := listener.Accept()
		if err != nil {
			continue
		}
		go serve(conn)
	}
}
