"""Layer validated: the validation rules that split claims into valid ones and quarantine
(`rules`), and the pandera schema check generated from the table metadata (`schema`)."""
