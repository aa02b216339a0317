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
	"time"

	"gopkg.in/yaml.v3"
)

// quote writes a string in double quotes, each character but printable ASCII as \u{hex}.
func quote(s string, b *strings.Builder) {
	b.WriteString("\"")
	for _, r := range s {
		if r >= 0x20 && r < 0x7f && r != '"' && r != '\\' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(b, "\\u{%x}", r)
		}
	}
	b.WriteString("\"")
}

// canon writes a canonical form of a decoded value, the same as LashingReader.java writes of Lashing's tree; it
// fails on a key that is not a string, as compose-go does.
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
			quote(k, b)
			b.WriteString(":")
			if err := canon(t[k], b); err != nil {
				return err
			}
			b.WriteString(",")
		}
		b.WriteString("}")
	case map[interface{}]interface{}:
		// go-yaml makes this of a mapping with a key not tagged as a string; compose-go takes it when each key is one
		m := make(map[string]interface{}, len(t))
		for k, x := range t {
			s, ok := k.(string)
			if !ok {
				return errors.New("non-string key")
			}
			m[s] = x
		}
		return canon(m, b)
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
		b.WriteString("s")
		quote(t, b)
	case nil:
		b.WriteString("null")
	case int, int64, uint64:
		fmt.Fprintf(b, "int(%v)", t)
	case float64:
		fmt.Fprintf(b, "float(%v)", t)
	case bool:
		fmt.Fprintf(b, "bool(%v)", t)
	case time.Time:
		b.WriteString("timestamp") // its text is not kept; Lashing keeps it and marks it

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
