// Reads each file of a folder as Compose reads YAML (go-yaml v3, every document, string keys only) and prints
// one line a file: its name, then OK and a canonical form of what was read, or ERR and go-yaml's message.
// Built and run by scripts/yaml-vs-go.sh, beside Lashing's reader.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// canon writes a canonical form of a decoded value; it fails on a non-string key, as compose-go does.
func canon(v interface{}, b *strings.Builder) error {
	switch t := v.(type) {
	case map[string]interface{}:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString("{")
		for _, k := range keys {
			fmt.Fprintf(b, "%q:", k)
			if err := canon(t[k], b); err != nil {
				return err
			}
			b.WriteString(",")
		}
		b.WriteString("}")
	case map[interface{}]interface{}:
		return errors.New("non-string key")
	case []interface{}:
		b.WriteString("[")
		for _, x := range t {
			if err := canon(x, b); err != nil {
				return err
			}
			b.WriteString(",")
		}
		b.WriteString("]")
	case string:
		fmt.Fprintf(b, "s%q", t)
	case nil:
		b.WriteString("null")
	default:
		fmt.Fprintf(b, "%T(%v)", t, t)
	}
	return nil
}

func main() {
	dir := os.Args[1]
	entries, _ := os.ReadDir(dir)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		dec := yaml.NewDecoder(bytes.NewReader(data))
		var b strings.Builder
		status := "OK"
		for {
			var v interface{}
			err := func() (err error) {
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("panic: %v", r)
					}
				}()
				return dec.Decode(&v)
			}()
			if err == io.EOF {
				break
			}
			if err != nil {
				status = "ERR " + strings.ReplaceAll(err.Error(), "\n", " ")
				break
			}
			if err := canon(v, &b); err != nil {
				status = "ERR " + err.Error()
				break
			}
			b.WriteString("|")
		}
		if status == "OK" {
			fmt.Fprintf(out, "%s\tOK\t%s\n", e.Name(), b.String())
		} else {
			fmt.Fprintf(out, "%s\t%s\n", e.Name(), status)
		}
	}
}
