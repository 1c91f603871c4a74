module github.com/fpc/bindery

go 1.26.8

require (
	github.com/fsnotify/fsnotify v1.10.1
	github.com/urfave/cli/v3 v3.14.0
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/image v0.47.0
	golang.org/x/text v0.43.0
	golang.org/x/tools v0.52.0
)

require golang.org/x/sys v0.49.0 // indirect
