"""In-place cell edits turned into service calls, guarded against overwriting others' changes."""

from __future__ import annotations

from desktop_app.application.post_service import PostService
from desktop_app.application.read_models import PostRow, UserRow
from desktop_app.application.user_service import UserService
from desktop_app.domain.entities import UpdatePostDTO, UpdateUserDTO
from desktop_app.ui.formatting import post_row, user_row


class UserCellEditor:
    def __init__(self, users: UserService) -> None:
        self._users = users

    async def __call__(self, row: UserRow, field: str, value: object) -> UserRow:
        if field == "is_active":
            dto = UpdateUserDTO(is_active=bool(value))
        elif field == "email":
            dto = UpdateUserDTO(email=str(value))
        elif field == "username":
            dto = UpdateUserDTO(username=str(value))
        elif field == "bio":
            dto = UpdateUserDTO(bio=str(value))
        else:
            raise ValueError(f"users.{field} is not editable in place")
        user = await self._users.update_user(row.id, dto, expected_updated_at=row.updated_at)
        return user_row(user)


class PostCellEditor:
    def __init__(self, posts: PostService) -> None:
        self._posts = posts

    async def __call__(self, row: PostRow, field: str, value: object) -> PostRow:
        if field != "title":
            raise ValueError(f"posts.{field} is not editable in place")
        post = await self._posts.update_post(
            row.id, UpdatePostDTO(title=str(value)), expected_updated_at=row.updated_at
        )
        return post_row(post)
