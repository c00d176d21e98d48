package store

import (
	"context"
	"fmt"
)

// queryList runs query and reads every row it returns with scan. what
// names the list in errors ("list roles of incident #7"); scan's own
// errors say which row.
func queryList[T any](ctx context.Context, q querier, what string, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// incidentRows reads a list of incident id's rows, in one read after
// checking that the incident exists: a wrong number is ENOTFOUND, never
// an empty list.
func incidentRows[T any](ctx context.Context, s *Store, id int64, list func(q *rconn) ([]T, error)) ([]T, error) {
	var out []T
	err := s.read(ctx, func(q *rconn) error {
		if err := requireIncident(ctx, q, id); err != nil {
			return err
		}
		var err error
		out, err = list(q)
		return err
	})
	return out, err
}
