module github.com/vncite/vncite

go 1.26
