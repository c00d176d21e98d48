package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"scribe/store"
)

// Shell completion (`scribe completion bash|zsh|fish`) offers the
// vocabularies a command accepts and, for N, the incidents in the database.

// completeIncidentThen completes argument 0 with incident numbers (titles as
// descriptions) and argument i with next[i-1]; anything after gets nothing.
func (a *App) completeIncidentThen(next ...[]string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) == 0 {
			return a.incidentCompletions(cmd.Context()), cobra.ShellCompDirectiveNoFileComp
		}
		if i := len(args) - 1; i < len(next) {
			return next[i], cobra.ShellCompDirectiveNoFileComp
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}

// incidentCompletions lists "N\ttitle" for every incident; a database that
// cannot be opened completes nothing rather than printing an error into the
// user's shell.
func (a *App) incidentCompletions(ctx context.Context) []cobra.Completion {
	if ctx == nil {
		ctx = context.Background()
	}
	var out []cobra.Completion
	_ = a.withStore(ctx, func(st *store.Store) error {
		incs, err := st.Incidents(ctx)
		for _, inc := range incs {
			out = append(out, fmt.Sprintf("%d\t%s %s", inc.ID, inc.Severity, oneLine(inc.Title)))
		}
		return err
	})
	return out
}

// completeWords completes a flag from a fixed vocabulary.
func completeWords(words []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	}
}

// vocabulary turns one of the domain's lists into completion words.
func vocabulary[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
