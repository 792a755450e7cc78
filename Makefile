# gov_plan: the two commands a new user needs are "make run" and "make test".
.PHONY: run test lint stop setup reset-demo bench clean

run:          ## set up everything, then serve the demo on 127.0.0.1:8069
	@bash scripts/run.sh

test:         ## set up everything, then run the whole test suite on a fresh database
	@bash scripts/test.sh

lint:         ## flake8 and pylint-odoo with the OCA 11.0 configuration
	@bash scripts/lint.sh

setup:        ## only install what is missing (packages, venv, lessc)
	@bash scripts/setup.sh

stop:         ## stop PostgreSQL (Ctrl-C stops Odoo)
	@bash scripts/pg.sh stop

reset-demo:   ## drop and rebuild the demo database
	@bash scripts/setup.sh && bash scripts/pg.sh start && bash scripts/configure.sh \
	  && bash scripts/db.sh $${GOV_PLAN_DB:-gov_plan_demo} demo fresh

bench:        ## queries and times of the main screens on 10,000 duties (BENCH_ARGS=--regenerate)
	@bash scripts/setup.sh && bash scripts/pg.sh start && bash scripts/configure.sh \
	  && .var/venv/bin/python scripts/bench.py $(BENCH_ARGS)

clean: stop   ## remove everything generated (venv, cluster, filestore)
	rm -rf .var
