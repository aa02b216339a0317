#!/bin/sh
# Cleanup of environment desktop on host dev-laptop, written by `lashing audit` at 2025-01-15T10:00:00Z
# from inventory.yml. Review it before running it: it removes only what the inventory marks
# safe to delete, never a protected resource. Lashing itself runs no docker command.
set -eu

# container ci-build-41: matches safe_to_delete (ci-*); exited
docker rm -- 'ci-build-41'

# image <none>:<none> b14c2d3e5f6a: matches safe_to_delete (<none>:<none>); no container uses it, built 36d ago
docker rmi -- 'b14c2d3e5f6a'

# image ci-app:pr-40: matches safe_to_delete (ci-*); no container uses it, built 20d ago
docker rmi -- 'ci-app:pr-40'

# volume tmp-cache: matches safe_to_delete (tmp-*); no container mounts it
docker volume rm -- 'tmp-cache'
